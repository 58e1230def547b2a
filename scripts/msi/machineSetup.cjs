// The MSI's machine set-up, added to the WiX project electron-builder generates (msiProjectCreated hook):
// - MSI properties for the machine-wide configuration file: DATADIR, SHARE, SHAREPORT, LANGUAGE,
//   UPDATECHANNEL, MAINDESK. `msiexec /i "Clinic Desk.msi" /qn SHARE=1 UPDATECHANNEL=off` runs the installed
//   app's own `--cli machine-config` (as LocalSystem, after the files are in place), which merges them into
//   %PROGRAMDATA%\Clinic Desk\clinic-desk.config.json: the file the app already reads.
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

const xmlAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** What the deferred custom action runs, with the installed exe in front (FileKey mainExecutable). */
function machineConfigCommandLine() {
  return ['--cli machine-config', ...MSI_PROPERTIES.map((p) => `${p.option} "[${p.property}]"`)].join(' ');
}

function machineSetupFragment() {
  const anyProperty = MSI_PROPERTIES.map((p) => p.property).join(' OR ');
  return `
  <Fragment>
    <!-- Clinic Desk machine set-up: MSI properties -> machine-wide configuration file; the data folder and its ACL. -->
${MSI_PROPERTIES.map((p) => `    <Property Id="${p.property}" Secure="yes"/>`).join('\n')}
    <PropertyRef Id="WIX_ACCOUNT_USERS"/>
    <DirectoryRef Id="TARGETDIR">
      <Directory Id="CommonAppDataFolder">
        <Directory Id="CLINICDESKDATA" Name="Clinic Desk"/>
      </Directory>
    </DirectoryRef>
    <ComponentGroup Id="ClinicDeskMachineSetup">
      <Component Id="ClinicDeskDataFolder" Directory="CLINICDESKDATA" Guid="${DATA_FOLDER_COMPONENT_GUID}" KeyPath="yes" Permanent="yes">
        <CreateFolder>
          <util:PermissionEx xmlns:util="${UTIL_NS}" User="[WIX_ACCOUNT_USERS]" GenericRead="yes" GenericWrite="yes" GenericExecute="yes" Delete="yes"/>
        </CreateFolder>
      </Component>
    </ComponentGroup>
    <CustomAction Id="ClinicDeskDataFolderFromProperty" Directory="CLINICDESKDATA" Value="[DATADIR]"/>
    <CustomAction Id="ClinicDeskWriteMachineConfig" FileKey="mainExecutable" ExeCommand="${xmlAttr(machineConfigCommandLine())}" Execute="deferred" Impersonate="no" Return="check"/>
    <InstallExecuteSequence>
      <Custom Action="ClinicDeskDataFolderFromProperty" Before="CostFinalize">DATADIR</Custom>
      <Custom Action="ClinicDeskWriteMachineConfig" After="InstallFiles">NOT (REMOVE~="ALL") AND (${anyProperty})</Custom>
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

module.exports = { addMachineSetup, machineConfigCommandLine, MSI_PROPERTIES, DATA_FOLDER_COMPONENT_GUID, UTIL_NS };
