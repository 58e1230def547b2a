import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMachineConfig } from '../../../src-main/app/machineConfig';
import { cleanMsiPath, mergeMachineConfig, updateMachineConfigFile } from '../../../src-main/app/machineConfigWrite';
import { tempDir } from '../../helpers/tempApp';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const fileIn = (): string => {
  const d = tempDir('clinic-desk-config-');
  dirs.push(d);
  return path.join(d, 'Clinic Desk', 'clinic-desk.config.json');
};

describe('writing the machine-wide configuration (machine-config, MSI properties)', () => {
  it.each([
    [{ share: '1' }, { share: { enabled: true, host: '0.0.0.0', port: 4780 } }],
    [{ share: 'no', sharePort: '' }, { share: { enabled: false, host: '0.0.0.0', port: 4780 } }],
    [{ sharePort: '4790', shareHost: '192.168.1.20' }, { share: { enabled: false, host: '192.168.1.20', port: 4790 } }],
    [{ language: 'IT', updateChannel: 'Beta' }, { language: 'it', updateChannel: 'beta' }],
    [{ dataDir: 'D:\\Clinica"' }, { dataDir: 'D:\\Clinica' }],
    [{ mainDesk: 'https://desk.clinica.local:4780', language: '' }, { mainDesk: 'https://desk.clinica.local:4780' }],
  ])('%j → %j', (changes, expected) => {
    expect(mergeMachineConfig({}, changes)).toEqual({ ok: true, config: expected, changed: Object.keys(expected) });
  });

  it.each([
    [{ share: 'maybe' }, 'share'],
    [{ sharePort: '70000' }, 'sharePort'],
    [{ language: 'de' }, 'language'],
    [{ updateChannel: 'nightly' }, 'updateChannel'],
    [{ mainDesk: 'desk' }, 'mainDesk'],
  ])('refuses %j naming %s', (changes, field) => {
    expect(mergeMachineConfig({}, changes)).toMatchObject({ ok: false, field });
  });

  it('keeps the keys it was not given, and an earlier share port when only SHARE=1 comes', () => {
    const r = mergeMachineConfig({ language: 'pl', share: { enabled: false, host: '0.0.0.0', port: 4791 } }, { share: '1' });
    expect(r).toEqual({ ok: true, config: { language: 'pl', share: { enabled: true, host: '0.0.0.0', port: 4791 } }, changed: ['share'] });
  });

  it('writes a file the app reads back; a broken file is kept aside and replaced; a bad value writes nothing', () => {
    const file = fileIn();
    const first = updateMachineConfigFile(file, { updateChannel: 'off', share: '1' });
    expect(first).toMatchObject({ ok: true, keptBroken: null });
    expect(loadMachineConfig('win32', { CLINIC_DESK_CONFIG: file })).toMatchObject({ ok: true, config: { updateChannel: 'off', share: { enabled: true } } });

    fs.writeFileSync(file, '{ "updateChannel": "off", ');
    const second = updateMachineConfigFile(file, { language: 'it' });
    expect(second).toMatchObject({ ok: true, keptBroken: `${file}.broken`, config: { language: 'it' } });
    expect(fs.readFileSync(`${file}.broken`, 'utf8')).toBe('{ "updateChannel": "off", ');

    const before = fs.readFileSync(file, 'utf8');
    expect(updateMachineConfigFile(file, { updateChannel: 'weekly' })).toMatchObject({ ok: false, field: 'updateChannel' });
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('drops the stray quote a trailing backslash leaves on a Windows command line', () => {
    expect(cleanMsiPath('D:\\Clinica"')).toBe('D:\\Clinica');
    expect(cleanMsiPath('D:\\Clinica')).toBe('D:\\Clinica');
  });

  it('moves an older install\'s file into the new place (its keys are the start), and leaves it where it was', () => {
    const file = fileIn().replace('clinic-desk.config.json', path.join('Config', 'clinic-desk.config.json'));
    const legacy = path.join(path.dirname(path.dirname(file)), 'clinic-desk.config.json');
    fs.mkdirSync(path.dirname(legacy), { recursive: true });
    fs.writeFileSync(legacy, JSON.stringify({ language: 'pl', updateChannel: 'beta' }));
    expect(updateMachineConfigFile(file, { updateChannel: 'off' }, legacy)).toMatchObject({ ok: true, movedFrom: legacy, config: { language: 'pl', updateChannel: 'off' } });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ language: 'pl', updateChannel: 'off' });
    expect(fs.existsSync(legacy)).toBe(true);
    // Once the new file exists the old one is no longer a starting point.
    fs.writeFileSync(legacy, JSON.stringify({ mainDesk: 'https://10.0.0.9:4780' }));
    expect(updateMachineConfigFile(file, {}, legacy)).toMatchObject({ ok: true, movedFrom: null, config: { language: 'pl', updateChannel: 'off' } });
  });

  it('a broken old file is not carried over; the new file starts empty', () => {
    const file = fileIn().replace('clinic-desk.config.json', path.join('Config', 'clinic-desk.config.json'));
    const legacy = path.join(path.dirname(path.dirname(file)), 'clinic-desk.config.json');
    fs.mkdirSync(path.dirname(legacy), { recursive: true });
    fs.writeFileSync(legacy, '{ "language": ');
    expect(updateMachineConfigFile(file, { share: '1' }, legacy)).toMatchObject({ ok: true, movedFrom: null, keptBroken: null, config: { share: { enabled: true } } });
  });

  it('a file it may not write (not an administrator) is refused with a hint, nothing left behind', () => {
    const file = fileIn();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.chmodSync(path.dirname(file), 0o555);
    try {
      const r = updateMachineConfigFile(file, { language: 'it' });
      if (process.getuid?.() === 0) return; // root writes anyway
      expect(r).toMatchObject({ ok: false, field: '(file)', error: expect.stringContaining('administrator') });
      expect(fs.readdirSync(path.dirname(file))).toEqual([]);
    } finally {
      fs.chmodSync(path.dirname(file), 0o755);
    }
  });
});
