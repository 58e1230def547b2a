# Release workflow, Windows job, after the MSI is installed: asserts the folder permissions the MSI sets, by SID
# (group names are localised: BUILTIN\Users is "VORDEFINIERT\Benutzer" on a German Windows).
#   - The data folder: BUILTIN\Users (S-1-5-32-545) has Modify (Write, ReadAndExecute and Delete) on the folder
#     itself, on every folder and on every file created below it (checked on the ACEs, then on a real probe
#     folder and file created inside it).
#   - The configuration folder and its file: a protected ACL (nothing inherited from the data folder) and nobody
#     but SYSTEM (S-1-5-18) and Administrators (S-1-5-32-544) may write.
# Prints the ACLs, then every failed check as a GitHub error annotation; exits 1 when one failed.
param(
  [string]$DataDir = (Join-Path $env:ProgramData 'Clinic Desk'),
  [string]$ConfigDir = (Join-Path (Join-Path $env:ProgramData 'Clinic Desk') 'Config')
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$UsersSid = 'S-1-5-32-545'
$WritersAllowed = @('S-1-5-18', 'S-1-5-32-544')
$Modify = [int64][int][System.Security.AccessControl.FileSystemRights]::Modify
# WriteData, AppendData, WriteExtendedAttributes, WriteAttributes, DeleteSubdirectoriesAndFiles, Delete,
# ChangePermissions, TakeOwnership.
$AnyWrite = [int64](0x2 -bor 0x4 -bor 0x10 -bor 0x100 -bor 0x40 -bor 0x10000 -bor 0x40000 -bor 0x80000)
$InheritOnly = [int][System.Security.AccessControl.PropagationFlags]::InheritOnly
$NoPropagate = [int][System.Security.AccessControl.PropagationFlags]::NoPropagateInherit
$ContainerInherit = [int][System.Security.AccessControl.InheritanceFlags]::ContainerInherit
$ObjectInherit = [int][System.Security.AccessControl.InheritanceFlags]::ObjectInherit
$failures = [System.Collections.Generic.List[string]]::new()

# An ACE's rights with generic bits mapped as the file system maps them: an inheritable ACE written with generic
# rights (WiX's util:PermissionEx GenericRead/GenericWrite/GenericExecute) keeps them in its inherit-only copy.
function Get-MappedRights($rule) {
  $mask = [int64][int]$rule.FileSystemRights
  if ($mask -lt 0) { $mask += [int64]4294967296 }
  $rights = $mask -band [int64]0x0FFFFFFF
  if (($mask -band [int64]2147483648) -ne 0) { $rights = $rights -bor [int64]0x120089 } # GENERIC_READ -> FILE_GENERIC_READ
  if (($mask -band [int64]1073741824) -ne 0) { $rights = $rights -bor [int64]0x120116 } # GENERIC_WRITE -> FILE_GENERIC_WRITE
  if (($mask -band [int64]536870912) -ne 0) { $rights = $rights -bor [int64]0x1200A0 } # GENERIC_EXECUTE -> FILE_GENERIC_EXECUTE
  if (($mask -band [int64]268435456) -ne 0) { $rights = $rights -bor [int64]0x1F01FF } # GENERIC_ALL -> FILE_ALL_ACCESS
  return $rights
}

# The Allow rules of $Path as SIDs (Get-Acl translates each account to its SID: no localised names involved).
function Get-AllowRules([string]$Path) {
  $rules = (Get-Acl -LiteralPath $Path).GetAccessRules($true, $true, [System.Security.Principal.SecurityIdentifier])
  return @($rules | Where-Object { $_.AccessControlType -eq [System.Security.AccessControl.AccessControlType]::Allow })
}

# What $Sid may do, through the ACEs of $Path, on: 'itself', 'subfolders' or 'files' (every level below, so an ACE
# that stops after one level does not count).
function Get-SidRights([string]$Path, [string]$Sid, [string]$AppliesTo) {
  $rights = [int64]0
  foreach ($rule in (Get-AllowRules $Path)) {
    if ($rule.IdentityReference.Value -ne $Sid) { continue }
    $inheritance = [int]$rule.InheritanceFlags
    $propagation = [int]$rule.PropagationFlags
    $applies = $false
    if ($AppliesTo -eq 'itself') { $applies = ($propagation -band $InheritOnly) -eq 0 }
    elseif ($AppliesTo -eq 'subfolders') { $applies = (($inheritance -band $ContainerInherit) -ne 0) -and (($propagation -band $NoPropagate) -eq 0) }
    elseif ($AppliesTo -eq 'files') { $applies = (($inheritance -band $ObjectInherit) -ne 0) -and (($propagation -band $NoPropagate) -eq 0) }
    else { throw "unknown scope $AppliesTo" }
    if ($applies) { $rights = $rights -bor (Get-MappedRights $rule) }
  }
  return $rights
}

$usersName = ([System.Security.Principal.SecurityIdentifier]::new($UsersSid)).Translate([System.Security.Principal.NTAccount]).Value
Write-Host "== Data folder $DataDir ($usersName = $UsersSid must have Modify on it and below it)"
icacls $DataDir
foreach ($scope in @('itself', 'subfolders', 'files')) {
  $r = Get-SidRights $DataDir $UsersSid $scope
  if (($r -band $Modify) -ne $Modify) { $failures.Add(("{0}: {1} lacks Modify on {2} (has 0x{3:X}, needs 0x{4:X})" -f $DataDir, $usersName, $scope, $r, $Modify)) }
}
# The same on real objects: a folder and a file created inside the data folder get Modify for Users by inheritance.
$probe = Join-Path $DataDir ('acl-probe-' + [guid]::NewGuid().ToString('N'))
New-Item -ItemType Directory -Path $probe | Out-Null
$probeFile = Join-Path $probe 'probe.txt'
Set-Content -LiteralPath $probeFile -Value 'probe'
try {
  foreach ($path in @($probe, $probeFile)) {
    $r = Get-SidRights $path $UsersSid 'itself'
    if (($r -band $Modify) -ne $Modify) { $failures.Add(("{0}: a new item in the data folder does not give {1} Modify (has 0x{2:X})" -f $path, $usersName, $r)) }
  }
} finally {
  Remove-Item -LiteralPath $probe -Recurse -Force
}

Write-Host "== Configuration $ConfigDir (protected ACL; only SYSTEM and Administrators may write)"
$configFile = Join-Path $ConfigDir 'clinic-desk.config.json'
icacls $ConfigDir
icacls $configFile
if (-not (Get-Acl -LiteralPath $ConfigDir).AreAccessRulesProtected) { $failures.Add("${ConfigDir} inherits its ACL from the data folder") }
foreach ($path in @($ConfigDir, $configFile)) {
  foreach ($rule in (Get-AllowRules $path)) {
    $sid = $rule.IdentityReference.Value
    if ($WritersAllowed -contains $sid) { continue }
    $r = Get-MappedRights $rule
    if (($r -band $AnyWrite) -ne 0) { $failures.Add(("{0} lets {1} write: {2} (0x{3:X})" -f $path, $sid, $rule.FileSystemRights, $r)) }
  }
}

if ($failures.Count -gt 0) {
  foreach ($f in $failures) { Write-Host "::error::$f" }
  exit 1
}
Write-Host 'ACLs as expected: Users may modify the data folder and everything below it; only SYSTEM and Administrators may write the configuration.'
