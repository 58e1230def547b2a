import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { DOMParser } from '@xmldom/xmldom';
import { load } from 'js-yaml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../src-main/cli/main';
import { tempDir } from '../../helpers/tempApp';

const ROOT = path.resolve(__dirname, '../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const setup = require('../../../scripts/msi/machineSetup.cjs') as {
  addMachineSetup(wxs: string): string;
  MSI_PROPERTIES: { property: string; option: string }[];
  DATA_FOLDER_COMPONENT_GUID: string;
  CONFIG_FOLDER_COMPONENT_GUID: string;
  CONFIG_FOLDER_SDDL: string;
  UTIL_NS: string;
};
// The EJS electron-builder itself renders its template with.
const ejs = createRequire(require.resolve('app-builder-lib/package.json'))('ejs') as { compile(t: string): (data: object) => string };
const config = load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as {
  msiProjectCreated: string;
  msi: { upgradeCode: string; additionalWixArgs: string[]; runAfterFinish: boolean };
};

/** electron-builder's own WiX template, rendered as MsiTarget does (its `{{ }}` and `${}` turned into EJS). */
function electronBuilderProject(): string {
  const template = fs
    .readFileSync(path.join(ROOT, 'node_modules/app-builder-lib/templates/msi/template.xml'), 'utf8')
    .replace(/{{/g, '<%')
    .replace(/}}/g, '%>')
    .replace(/\${([^}]+)}/g, '<%=$1%>');
  return ejs.compile(template)({
    productName: 'Clinic Desk',
    upgradeCode: config.msi.upgradeCode,
    version: '0.1.0.0',
    manufacturer: 'Clinic Desk',
    compressionLevel: 'high',
    iconPath: null,
    iconId: 'ClinicDeskIcon.exe',
    isRunAfterFinish: config.msi.runAfterFinish,
    isAssisted: false,
    isPerMachine: true,
    menuCategory: null,
    programFilesId: 'ProgramFiles64Folder',
    installationDirectoryWixName: 'Clinic Desk',
    isCreateDesktopShortcut: true,
    isCreateStartMenuShortcut: true,
    dirs: '',
    files: '<Component>\n        <File Name="Clinic Desk.exe" Source="$(var.appDir)\\Clinic Desk.exe" ReadOnly="yes" KeyPath="yes" Id="mainExecutable"/>\n      </Component>',
  });
}

const WIX = 'http://wixtoolset.org/schemas/v4/wxs';
const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');
const all = (root: Document | Element, name: string, ns = WIX): Element[] => Array.from(root.getElementsByTagNameNS(ns, name));

/** What msiexec does with the custom action's ExeCommand: [PROPERTY] replaced by its value, empty when not given. */
const format = (command: string, props: Record<string, string>): string => command.replace(/\[([A-Z_]+)\]/g, (_, p: string) => props[p] ?? '');

/** How a Windows program's C runtime splits its command line (CommandLineToArgvW rules), quirks included. */
function windowsArgv(line: string): string[] {
  const args: string[] = [];
  let cur = '';
  let quoted = false;
  let started = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\') {
      let n = 0;
      while (line[i] === '\\') {
        n++;
        i++;
      }
      if (line[i] === '"') {
        cur += '\\'.repeat(Math.floor(n / 2));
        if (n % 2 === 1) cur += '"';
        else quoted = !quoted;
      } else {
        cur += '\\'.repeat(n);
        i--;
      }
      started = true;
    } else if (c === '"') {
      quoted = !quoted;
      started = true;
    } else if ((c === ' ' || c === '\t') && !quoted) {
      if (started) args.push(cur);
      cur = '';
      started = false;
    } else {
      cur += c;
      started = true;
    }
  }
  if (started) args.push(cur);
  return args;
}

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function cli(argv: string[], configFile: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  vi.stubEnv('CLINIC_DESK_CONFIG', configFile);
  try {
    return { code: await runCli(argv), out, err };
  } finally {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  }
}

describe('the MSI project (electron-builder template + the machine set-up hook)', () => {
  const wxs = setup.addMachineSetup(electronBuilderProject());
  const doc = parse(wxs);

  it('is wired into electron-builder: the hook file exists and WiX gets its util extension', () => {
    expect(config.msiProjectCreated).toBe('scripts/msi-project-created.cjs');
    expect(fs.existsSync(path.join(ROOT, config.msiProjectCreated))).toBe(true);
    expect(config.msi.additionalWixArgs).toEqual(['-ext', 'WixUtilExtension']);
    // Applying it twice changes nothing (electron-builder builds one project per architecture).
    expect(setup.addMachineSetup(wxs)).toBe(wxs);
    expect(() => setup.addMachineSetup('<Wix/>')).toThrow(/template changed/);
  });

  it('declares the secure MSI properties IT passes on the msiexec command line', () => {
    const props = all(doc, 'Property').map((p) => [p.getAttribute('Id'), p.getAttribute('Secure')]);
    for (const name of ['DATADIR', 'SHARE', 'SHAREPORT', 'LANGUAGE', 'UPDATECHANNEL', 'MAINDESK']) expect(props).toContainEqual([name, 'yes']);
    // The product's feature pulls the set-up in.
    const feature = all(doc, 'Feature')[0]!;
    expect(all(feature, 'ComponentGroupRef').map((r) => r.getAttribute('Id'))).toEqual(['ProductComponents', 'ClinicDeskMachineSetup']);
  });

  it('creates the data folder under ProgramData, permanent, with Modify for the Users group by its well-known SID', () => {
    const common = all(doc, 'Directory').find((d) => d.getAttribute('Id') === 'CommonAppDataFolder')!;
    expect(Array.from(common.childNodes).filter((n): n is Element => n.nodeType === 1).map((d) => [d.getAttribute('Id'), d.getAttribute('Name')])).toEqual([
      ['CLINICDESKDATA', 'Clinic Desk'],
      ['CLINICDESKPROGRAMDATA', 'Clinic Desk'],
    ]);
    const component = all(doc, 'Component').find((c) => c.getAttribute('Id') === 'ClinicDeskDataFolder')!;
    expect(component.getAttribute('Guid')).toBe(setup.DATA_FOLDER_COMPONENT_GUID);
    expect(component.getAttribute('Permanent')).toBe('yes'); // uninstall keeps the clinic
    expect(component.getAttribute('Directory')).toBe('CLINICDESKDATA');
    const [perm] = all(component, 'PermissionEx', setup.UTIL_NS);
    expect(perm).toBeDefined();
    // Modify = read + write + execute + delete; the name is looked up from S-1-5-32-545 (localised Windows).
    expect(['User', 'GenericRead', 'GenericWrite', 'GenericExecute', 'Delete'].map((a) => perm!.getAttribute(a))).toEqual(['[WIX_ACCOUNT_USERS]', 'yes', 'yes', 'yes', 'yes']);
    expect(perm!.getAttribute('GenericAll')).toBe('');
    expect(all(doc, 'PropertyRef').map((p) => p.getAttribute('Id'))).toContain('WIX_ACCOUNT_USERS');
    // DATADIR moves the folder (and its ACL) before costing ends.
    const setDir = all(doc, 'CustomAction').find((a) => a.getAttribute('Id') === 'ClinicDeskDataFolderFromProperty')!;
    expect([setDir.getAttribute('Directory'), setDir.getAttribute('Value')]).toEqual(['CLINICDESKDATA', '[DATADIR]']);
    const seq = all(doc, 'Custom').find((c) => c.getAttribute('Action') === 'ClinicDeskDataFolderFromProperty')!;
    expect([seq.getAttribute('Before'), seq.textContent]).toEqual(['CostFinalize', 'DATADIR']);
  });

  it('creates the configuration folder %PROGRAMDATA%\\Clinic Desk\\Config with a protected ACL: SYSTEM and Administrators full, Users read only', () => {
    // Its own Directory chain, so DATADIR (which moves CLINICDESKDATA) never moves the configuration.
    const holder = all(doc, 'Directory').find((d) => d.getAttribute('Id') === 'CLINICDESKPROGRAMDATA')!;
    expect((holder.parentNode as Element).getAttribute('Id')).toBe('CommonAppDataFolder');
    expect(all(holder, 'Directory').map((d) => [d.getAttribute('Id'), d.getAttribute('Name')])).toEqual([['CLINICDESKCONFIG', 'Config']]);
    expect(all(doc, 'CustomAction').filter((a) => a.getAttribute('Directory') === 'CLINICDESKCONFIG' || a.getAttribute('Directory') === 'CLINICDESKPROGRAMDATA')).toEqual([]);
    const component = all(doc, 'Component').find((c) => c.getAttribute('Id') === 'ClinicDeskConfigFolder')!;
    expect([component.getAttribute('Directory'), component.getAttribute('Guid'), component.getAttribute('Permanent')]).toEqual(['CLINICDESKCONFIG', setup.CONFIG_FOLDER_COMPONENT_GUID, 'yes']);
    expect(setup.CONFIG_FOLDER_COMPONENT_GUID).not.toBe(setup.DATA_FOLDER_COMPONENT_GUID);
    // No util:PermissionEx here (it only adds to what the parent's Users: Modify passes down): MsiLockPermissionsEx.
    expect(all(component, 'PermissionEx', setup.UTIL_NS)).toEqual([]);
    const [acl] = all(component, 'PermissionEx');
    const sddl = acl!.getAttribute('Sddl')!;
    expect(sddl).toBe(setup.CONFIG_FOLDER_SDDL);
    // D:P = a protected DACL, nothing inherited; each ACE passed down (OICI) to the file machine-config writes.
    const [, flags, aces] = /^D:([A-Z]*)((?:\([^)]*\))+)$/.exec(sddl)!;
    expect(flags).toContain('P');
    const rights = Object.fromEntries(Array.from(aces!.matchAll(/\(([^)]*)\)/g), (m) => m[1]!.split(';')).map(([type, inherit, access, , , sid]) => {
      expect([type, inherit]).toEqual(['A', 'OICI']);
      return [sid!, access!];
    }));
    // Well-known SID aliases: LocalSystem, Administrators, Users (localised names never matter); Owner Rights read
    // only, so a user who owns a Config folder made under an older version cannot rewrite its ACL.
    expect(rights).toEqual({ SY: 'FA', BA: 'FA', BU: 'FRFX', OW: 'FRFX' });
    // The MSI schema that has MsiLockPermissionsEx (Windows Installer 5.0).
    expect(Number(all(doc, 'Package')[0]!.getAttribute('InstallerVersion'))).toBeGreaterThanOrEqual(500);
  });

  it('runs the installed app\'s machine-config --migrate as LocalSystem after the files are in, on every install, never on uninstall', () => {
    const action = all(doc, 'CustomAction').find((a) => a.getAttribute('Id') === 'ClinicDeskWriteMachineConfig')!;
    expect(action.getAttribute('FileKey')).toBe('mainExecutable');
    expect(all(doc, 'File').map((f) => f.getAttribute('Id'))).toContain('mainExecutable');
    expect([action.getAttribute('Execute'), action.getAttribute('Impersonate'), action.getAttribute('Return')]).toEqual(['deferred', 'no', 'check']);
    const seq = all(doc, 'Custom').find((c) => c.getAttribute('Action') === 'ClinicDeskWriteMachineConfig')!;
    expect(seq.getAttribute('After')).toBe('InstallFiles');
    // On every install and upgrade, so an older install's file (in the Users-writable folder) moves to Config.
    expect(seq.textContent).toBe('NOT (REMOVE~="ALL")');
  });

  it('msiexec /i … /qn DATADIR=D:\\Clinica\\ SHARE=1 SHAREPORT=4781 UPDATECHANNEL=off writes the file the app reads, keeping other keys', async () => {
    const dir = tempDir('clinic-desk-msi-');
    dirs.push(dir);
    const file = path.join(dir, 'clinic-desk.config.json');
    fs.writeFileSync(file, JSON.stringify({ language: 'pl', mainDesk: 'https://192.168.1.20:4780' }));
    const command = all(doc, 'CustomAction').find((a) => a.getAttribute('Id') === 'ClinicDeskWriteMachineConfig')!.getAttribute('ExeCommand')!;
    // A folder typed with a trailing backslash: the classic \" trap of Windows command lines.
    const argv = windowsArgv(format(command, { DATADIR: 'D:\\Clinica\\', SHARE: '1', SHAREPORT: '4781', UPDATECHANNEL: 'off' }));
    expect(argv.slice(0, 3)).toEqual(['--cli', 'machine-config', '--migrate']);
    const r = await cli(argv.slice(1), file);
    expect(r).toMatchObject({ code: 0 });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({
      language: 'pl',
      mainDesk: 'https://192.168.1.20:4780',
      dataDir: 'D:\\Clinica',
      share: { enabled: true, host: '0.0.0.0', port: 4781 },
      updateChannel: 'off',
    });

    // A bad value fails the install step (Return="check") and leaves the file as it was.
    const before = fs.readFileSync(file, 'utf8');
    const bad = await cli(windowsArgv(format(command, { UPDATECHANNEL: 'nightly' })).slice(1), file);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/updateChannel/);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('msiexec /i … /qn without properties still writes the file (an empty configuration), so the admin-only one exists', async () => {
    const dir = tempDir('clinic-desk-msi-');
    dirs.push(dir);
    const file = path.join(dir, 'Config', 'clinic-desk.config.json');
    const command = all(doc, 'CustomAction').find((a) => a.getAttribute('Id') === 'ClinicDeskWriteMachineConfig')!.getAttribute('ExeCommand')!;
    const r = await cli(windowsArgv(format(command, {})).slice(1), file);
    expect(r).toMatchObject({ code: 0 });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({});
  });
});
