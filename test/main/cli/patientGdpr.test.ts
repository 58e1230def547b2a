import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src-main/app/createApp';
import { patientEraseCommand, patientExportCommand } from '../../../src-main/cli/commands/patientGdpr';
import { receiveInbound } from '../../../src-main/domain/messaging/messagingService';
import { DeskError } from '../../../src-main/domain/shared/errors';
import { T0, tempDir } from '../../helpers/tempApp';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function seeded(): Promise<string> {
  const dataDir = tempDir();
  dirs.push(dataDir);
  const app = await createApp({ dataDir, startOutbox: false, backups: false });
  receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'c-1', fromPhone: '+393471234567', body: 'Vorrei cancellare i miei dati', at: T0 });
  await app.stop();
  return dataDir;
}

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

describe('clinic-desk patient export / erase', () => {
  it('exports to a zip, refuses to erase without --yes, then erases', async () => {
    const data = await seeded();
    const zip = path.join(data, 'out.zip');
    const a = io();
    expect(await patientExportCommand.run({ values: { data, phone: '347 123 4567', to: zip }, positionals: [] }, a.io)).toBe(0);
    expect(Object.keys(unzipSync(fs.readFileSync(zip)))).toEqual(['patient.json']);
    expect(a.out[0]).toMatch(/^Exported patient #1 to .*messages 1/);

    const b = io();
    expect(await patientEraseCommand.run({ values: { data, phone: '+393471234567' }, positionals: [] }, b.io)).toBe(2);
    expect(b.err[0]).toContain('--yes');
    const c = io();
    expect(await patientEraseCommand.run({ values: { data, phone: '+393471234567', yes: true }, positionals: [] }, c.io)).toBe(0);
    expect(c.out[0]).toBe('Erased patient #1: 1 message(s) emptied, 1 number(s) removed, 0 media file(s) deleted.');
    // The number is gone: a second request for it finds nobody.
    await expect(patientEraseCommand.run({ values: { data, phone: '+393471234567', yes: true }, positionals: [] }, io().io)).rejects.toThrow(DeskError);
  });

  it('refuses an unknown number', async () => {
    const data = await seeded();
    await expect(
      patientExportCommand.run({ values: { data, phone: '+393470000000', to: path.join(data, 'x.zip') }, positionals: [] }, io().io),
    ).rejects.toThrow(/no patient has the number \+393470000000/);
    expect(fs.existsSync(path.join(data, 'x.zip'))).toBe(false);
  });
});
