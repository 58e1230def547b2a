import { describe, expect, it } from 'vitest';
import { defaultDataDir, expandPath, resolveDataLocation } from '../../../src-main/app/dataLocation';
import { machineConfigPath, parseMachineConfig } from '../../../src-main/app/machineConfig';

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
  it('lives where every account of the PC can read it', () => {
    expect(machineConfigPath('win32', { PROGRAMDATA: 'C:\\ProgramData' })).toBe('C:\\ProgramData\\Clinic Desk\\clinic-desk.config.json');
    expect(machineConfigPath('darwin', {})).toBe('/Library/Application Support/Clinic Desk/clinic-desk.config.json');
    expect(machineConfigPath('linux', {})).toBe('/etc/clinic-desk/clinic-desk.config.json');
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
