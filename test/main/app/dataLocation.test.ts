import { describe, expect, it } from 'vitest';
import { defaultDataDir, expandPath, resolveDataLocation } from '../../../src-main/app/dataLocation';
import { legacyMachineConfigPath, loadMachineConfig, machineConfigPath, parseMachineConfig } from '../../../src-main/app/machineConfig';

const win = { platform: 'win32' as const, home: 'C:\\Users\\anna', env: { PROGRAMDATA: 'C:\\ProgramData', APPDATA: 'C:\\Users\\anna\\AppData\\Roaming' } };
const mac = { platform: 'darwin' as const, home: '/Users/anna', env: {} };
const linux = { platform: 'linux' as const, home: '/home/anna', env: {} };

describe('data location per OS', () => {
  it('Windows keeps one clinic per machine under %PROGRAMDATA%, whoever logs in', () => {
    expect(defaultDataDir(win)).toBe('C:\\ProgramData\\Clinic Desk');
    expect(defaultDataDir({ ...win, home: 'C:\\Users\\marco', env: { ...win.env, APPDATA: 'C:\\Users\\marco\\AppData\\Roaming' } })).toBe('C:\\ProgramData\\Clinic Desk');
    expect(resolveDataLocation({ ...win, demo: true })).toEqual({ dataDir: 'C:\\ProgramData\\Clinic Desk\\demo', source: 'default' });
  });

  it('macOS and Linux stay per user', () => {
    expect(defaultDataDir(mac)).toBe('/Users/anna/Library/Application Support/Clinic Desk');
    expect(defaultDataDir(linux)).toBe('/home/anna/.config/Clinic Desk');
    expect(defaultDataDir({ ...linux, env: { XDG_CONFIG_HOME: '/srv/cfg' } })).toBe('/srv/cfg/Clinic Desk');
  });

  it('--data wins over CLINIC_DESK_DATA, which wins over the machine file, which wins over the default', () => {
    const config = { dataDir: 'D:\\Clinica' };
    expect(resolveDataLocation({ ...win, config, flag: 'E:\\x', env: { ...win.env, CLINIC_DESK_DATA: 'F:\\y' } })).toEqual({ dataDir: 'E:\\x', source: 'flag' });
    expect(resolveDataLocation({ ...win, config, env: { ...win.env, CLINIC_DESK_DATA: 'F:\\y' } })).toEqual({ dataDir: 'F:\\y', source: 'env' });
    expect(resolveDataLocation({ ...win, config })).toEqual({ dataDir: 'D:\\Clinica', source: 'machine-config' });
    expect(resolveDataLocation({ ...mac, config: { dataDir: '/Volumes/Clinic' }, demo: true })).toEqual({ dataDir: '/Volumes/Clinic/demo', source: 'machine-config' });
  });

  it('expands %VARS% (any case) on Windows and ~ / $VARS on macOS', () => {
    expect(expandPath('%ProgramData%\\Studio Rossi', win)).toBe('C:\\ProgramData\\Studio Rossi');
    expect(expandPath('~/Clinic', mac)).toBe('/Users/anna/Clinic');
    expect(expandPath('$HOME/x', { ...linux, env: { HOME: '/home/anna' } })).toBe('/home/anna/x');
  });

  it('a Windows PC upgraded from the per-user version keeps its clinic in %APPDATA% until IT moves it', () => {
    const legacy = 'C:\\Users\\anna\\AppData\\Roaming\\Clinic Desk';
    expect(resolveDataLocation({ ...win, hasDatabase: (d) => d === legacy })).toEqual({ dataDir: legacy, source: 'legacy' });
    // Once the machine folder holds a clinic, it wins.
    expect(resolveDataLocation({ ...win, hasDatabase: () => true }).source).toBe('default');
  });
});

describe('machine-wide configuration file', () => {
  it('lives where every account of the PC can read it and only administrators can write (Windows: the MSI\'s Config folder)', () => {
    expect(machineConfigPath('win32', { PROGRAMDATA: 'C:\\ProgramData' })).toBe('C:\\ProgramData\\Clinic Desk\\Config\\clinic-desk.config.json');
    expect(machineConfigPath('darwin', {})).toBe('/Library/Application Support/Clinic Desk/clinic-desk.config.json');
    expect(machineConfigPath('linux', {})).toBe('/etc/clinic-desk/clinic-desk.config.json');
    expect(legacyMachineConfigPath('win32', { PROGRAMDATA: 'D:\\PD' })).toBe('D:\\PD\\Clinic Desk\\clinic-desk.config.json');
    expect(legacyMachineConfigPath('darwin', {})).toBeNull();
    expect(legacyMachineConfigPath('linux', {})).toBeNull();
  });

  describe('which file the app reads on Windows', () => {
    const env = { PROGRAMDATA: 'C:\\ProgramData' };
    const NEW = 'C:\\ProgramData\\Clinic Desk\\Config\\clinic-desk.config.json';
    const OLD = 'C:\\ProgramData\\Clinic Desk\\clinic-desk.config.json';
    const disk = (files: Record<string, string>) => (file: string): string | null => files[file] ?? null;

    it('the Config folder\'s file', () => {
      expect(loadMachineConfig('win32', env, disk({ [NEW]: '{"updateChannel":"off"}' }))).toEqual({ ok: true, config: { updateChannel: 'off' }, file: NEW });
    });

    it('an older install\'s file while the new one does not exist', () => {
      expect(loadMachineConfig('win32', env, disk({ [OLD]: '{"language":"pl"}' }))).toEqual({ ok: true, config: { language: 'pl' }, file: OLD });
    });

    it('the new one wins when both exist (the old one is in a folder every user may modify)', () => {
      expect(loadMachineConfig('win32', env, disk({ [NEW]: '{"updateChannel":"off"}', [OLD]: '{"updateChannel":"beta"}' }))).toEqual({ ok: true, config: { updateChannel: 'off' }, file: NEW });
      // Even an empty (or broken) new file: the old one is never read once the new one exists.
      expect(loadMachineConfig('win32', env, disk({ [NEW]: '{}', [OLD]: '{"updateChannel":"beta"}' }))).toEqual({ ok: true, config: {}, file: NEW });
      expect(loadMachineConfig('win32', env, disk({ [NEW]: '{', [OLD]: '{"updateChannel":"beta"}' }))).toMatchObject({ ok: false, file: NEW });
    });

    it('neither: an empty configuration, named by the new path; CLINIC_DESK_CONFIG overrides both', () => {
      expect(loadMachineConfig('win32', env, disk({}))).toEqual({ ok: true, config: {}, file: NEW });
      const files = disk({ 'E:\\it.json': '{"language":"en"}', [OLD]: '{"language":"pl"}' });
      expect(loadMachineConfig('win32', { ...env, CLINIC_DESK_CONFIG: 'E:\\it.json' }, files)).toEqual({ ok: true, config: { language: 'en' }, file: 'E:\\it.json' });
      expect(loadMachineConfig('win32', { ...env, CLINIC_DESK_CONFIG: 'E:\\none.json' }, files)).toEqual({ ok: true, config: {}, file: 'E:\\none.json' });
    });

    it('macOS and Linux have no old path', () => {
      expect(loadMachineConfig('linux', {}, disk({ '/etc/clinic-desk/clinic-desk.config.json': '{"language":"it"}' }))).toMatchObject({ config: { language: 'it' } });
      expect(loadMachineConfig('darwin', {}, disk({}))).toEqual({ ok: true, config: {}, file: '/Library/Application Support/Clinic Desk/clinic-desk.config.json' });
    });
  });

  it('parses the documented keys with defaults, and names what is wrong', () => {
    const ok = parseMachineConfig('{"dataDir":"D:\\\\Clinica","share":{"enabled":true},"language":"pl","updateChannel":"off"}');
    expect(ok).toEqual({ ok: true, config: { dataDir: 'D:\\Clinica', share: { enabled: true, host: '0.0.0.0', port: 4780 }, language: 'pl', updateChannel: 'off' } });
    expect(parseMachineConfig(null)).toEqual({ ok: true, config: {} });
    expect(parseMachineConfig('{"language":"de"}')).toMatchObject({ ok: false, error: expect.stringContaining('language') });
    expect(parseMachineConfig('{"dataDir": ')).toMatchObject({ ok: false, error: expect.stringContaining('not valid JSON') });
    expect(parseMachineConfig('{"datadir":"x"}')).toMatchObject({ ok: false });
  });
});
