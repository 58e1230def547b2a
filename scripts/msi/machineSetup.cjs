// The MSI's machine set-up, added to the WiX project electron-builder generates (msiProjectCreated hook):
// - MSI properties for the machine-wide configuration file: DATADIR, SHARE, SHAREPORT, LANGUAGE,
//   UPDATECHANNEL, MAINDESK. `msiexec /i "Clinic Desk.msi" /qn SHARE=1 UPDATECHANNEL=off` runs the installed
//   app's own `--cli machine-config --migrate` (as LocalSystem, after the files are in place; on every install, so
//   an older install's file moves too), which merges them into %PROGRAMDATA%\Clinic Desk\Config\clinic-desk.config.json.
// - That Config folder created with a protected ACL (MsiLockPermissionsEx, SDDL "D:P…": nothing inherited from the
//   Users-Modify data folder around it): SYSTEM and Administrators full control, Users read. The SDDL names the
//   accounts by well-known SID aliases (SY, BA, BU), so localised Windows is fine. util:PermissionEx cannot do this:
//   it adds to the ACL and keeps what the parent passes down. Permanent, like the data folder.
// - The data folder (%PROGRAMDATA%\Clinic Desk, or DATADIR) created with Modify for the PC's Users group
//   (util:PermissionEx adds to the inherited ACL; the group's name comes from its well-known SID, so it is
//   "Utenti" / "Użytkownicy" on Italian / Polish Windows too). The folder is permanent: uninstall keeps the clinic.
// Pure string work, unit-tested in test/main/packaging/msiProject.test.ts.

const UTIL_NS = 'http://wixtoolset.org/schemas/v4/wxs/util';

/** The MSI properties IT may pass, and the `machine-config` option each one feeds. */
const MSI_PROPERTIES = [
  { property: 'SHARE', option: '--share' },
  { property: 'SHAREPORT', option: '--share-port' },
  { property: 'LANGUAGE', option: '--language' },
  { property: 'UPDATECHANNEL', option: '--update-channel' },
  { property: 'MAINDESK', option: '--main-desk' },
  // Last on the command line: a folder typed with a trailing backslash turns its closing quote into \" (see
  // cleanMsiPath in src-main/app/machineConfigWrite.ts), which must not swallow the options after it.
  { property: 'DATADIR', option: '--data-dir' },
];

/** Fixed forever, like the upgrade code: the data folder's component must be the same one in every version. */
const DATA_FOLDER_COMPONENT_GUID = '90E69B56-C94D-40BE-85FB-593BB461833A';
/** Fixed forever too: the configuration folder's component. */
const CONFIG_FOLDER_COMPONENT_GUID = '5C0F2E8A-7B41-4D6E-9A3C-2E81B7D4F095';

/**
 * The configuration folder's whole DACL: P = protected (the data folder's Users: Modify is not inherited);
 * OICI = passed down to the file machine-config writes; FA = full control; FRFX = read and execute.
 * SY = LocalSystem (S-1-5-18), BA = Administrators (S-1-5-32-544), BU = Users (S-1-5-32-545);
 * OW = Owner Rights (S-1-3-4), read only: a user who created `Config` under an older version (when the folder
 * around it was Users: Modify) stays its owner, and without this ACE an owner may always rewrite the ACL.
 */
const CONFIG_FOLDER_SDDL = 'D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;FRFX;;;BU)(A;OICI;FRFX;;;OW)';

const xmlAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** What the deferred custom action runs, with the installed exe in front (FileKey mainExecutable). */
function machineConfigCommandLine() {
  return ['--cli machine-config --migrate', ...MSI_PROPERTIES.map((p) => `${p.option} "[${p.property}]"`)].join(' ');
}

function machineSetupFragment() {
  return `
  <Fragment>
    <!-- Clinic Desk machine set-up: MSI properties -> machine-wide configuration file (admin-only Config folder); the data folder and its ACL. -->
${MSI_PROPERTIES.map((p) => `    <Property Id="${p.property}" Secure="yes"/>`).join('\n')}
    <PropertyRef Id="WIX_ACCOUNT_USERS"/>
    <DirectoryRef Id="TARGETDIR">
      <Directory Id="CommonAppDataFolder">
        <Directory Id="CLINICDESKDATA" Name="Clinic Desk"/>
        <!-- The same folder by another Id, so DATADIR (which moves CLINICDESKDATA) never moves the configuration. -->
        <Directory Id="CLINICDESKPROGRAMDATA" Name="Clinic Desk">
          <Directory Id="CLINICDESKCONFIG" Name="Config"/>
        </Directory>
      </Directory>
    </DirectoryRef>
    <ComponentGroup Id="ClinicDeskMachineSetup">
      <Component Id="ClinicDeskDataFolder" Directory="CLINICDESKDATA" Guid="${DATA_FOLDER_COMPONENT_GUID}" KeyPath="yes" Permanent="yes">
        <CreateFolder>
          <util:PermissionEx xmlns:util="${UTIL_NS}" User="[WIX_ACCOUNT_USERS]" GenericRead="yes" GenericWrite="yes" GenericExecute="yes" Delete="yes"/>
        </CreateFolder>
      </Component>
      <Component Id="ClinicDeskConfigFolder" Directory="CLINICDESKCONFIG" Guid="${CONFIG_FOLDER_COMPONENT_GUID}" KeyPath="yes" Permanent="yes">
        <CreateFolder>
          <PermissionEx Id="ClinicDeskConfigFolderAcl" Sddl="${CONFIG_FOLDER_SDDL}"/>
        </CreateFolder>
      </Component>
    </ComponentGroup>
    <CustomAction Id="ClinicDeskDataFolderFromProperty" Directory="CLINICDESKDATA" Value="[DATADIR]"/>
    <CustomAction Id="ClinicDeskWriteMachineConfig" FileKey="mainExecutable" ExeCommand="${xmlAttr(machineConfigCommandLine())}" Execute="deferred" Impersonate="no" Return="check"/>
    <InstallExecuteSequence>
      <Custom Action="ClinicDeskDataFolderFromProperty" Before="CostFinalize">DATADIR</Custom>
      <Custom Action="ClinicDeskWriteMachineConfig" After="InstallFiles">NOT (REMOVE~="ALL")</Custom>
    </InstallExecuteSequence>
  </Fragment>
`;
}

/** Adds the machine set-up to electron-builder's project.wxs; throws when the template no longer has its anchors. */
function addMachineSetup(wxs) {
  if (wxs.includes('ClinicDeskMachineSetup')) return wxs;
  const ref = /<ComponentGroupRef Id="ProductComponents"\s*\/>/;
  if (!ref.test(wxs) || !wxs.includes('</Product>')) {
    throw new Error('msi: electron-builder\'s WiX template changed (no ProductComponents reference or </Product>); update scripts/msi/machineSetup.cjs');
  }
  return wxs
    .replace(ref, (m) => `${m}\n      <ComponentGroupRef Id="ClinicDeskMachineSetup"/>`)
    .replace('</Product>', `</Product>${machineSetupFragment()}`);
}

module.exports = { addMachineSetup, machineConfigCommandLine, MSI_PROPERTIES, DATA_FOLDER_COMPONENT_GUID, CONFIG_FOLDER_COMPONENT_GUID, CONFIG_FOLDER_SDDL, UTIL_NS };
