import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src-main/app/createApp';
import { remindersCommand } from '../../../src-main/cli/commands/reminders';
import { addIdentity, insertPatient, setConsent } from '../../../src-main/db/repositories/patients';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reminders-cli-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(values: Record<string, string | boolean>): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const code = await remindersCommand.run({ values: { data: dir, ...values }, positionals: [] }, { out: (l) => out.push(l), err: (l) => out.push(l) });
  return { code, out };
}

describe('clinic-desk reminders', () => {
  it('prints one line per patient with visits, channel, language, send time and text; --dry-run queues nothing', async () => {
    const app = await createApp({ dataDir: dir, startOutbox: false, backups: false });
    const db = app.ctx.db;
    const pr = Number(db.prepare(`INSERT INTO practitioners (name) VALUES ('Dr Nowak')`).run().lastInsertRowid);
    const p = insertPatient(db, { firstName: 'Jan', lastName: 'Kowalski', language: 'pl' } as never, 0);
    addIdentity(db, p, 'phone', '+48601234567', 0);
    setConsent(db, p, 'sms', true, 0, 'form');
    // Two visits on 2030-01-15 (a Tuesday), Rome time.
    for (const [h, m] of [[10, 0], [11, 30]]) {
      db.prepare('INSERT INTO appointments (patient_id, practitioner_id, starts_at, ends_at) VALUES (?, ?, ?, ?)').run(p, pr, Date.UTC(2030, 0, 15, h! - 1, m!), Date.UTC(2030, 0, 15, h!, m!));
    }
    await app.stop();

    const dry = await run({ date: '2030-01-15', 'dry-run': true });
    expect(dry.code).toBe(0);
    expect(dry.out).toHaveLength(2);
    expect(dry.out[0]).toMatch(/^Jan Kowalski {2}visits \d+,\d+ {2}sms \(fallback: no_consent\) {2}pl {2}2030-01-14T10:00:00\+01:00 {2}queued {2}".*wt 15\/01 10:00 Dr Nowak, 11:30 Dr Nowak.*TAK/);
    expect(dry.out[1]).toBe('1 reminder(s) for 2030-01-15 (dry run: nothing queued).');

    const json = JSON.parse((await run({ date: '2030-01-15', 'dry-run': true, json: true })).out[0]!) as { reminders: Array<{ channel: string; language: string; appointmentIds: number[] }> };
    expect(json.reminders).toEqual([expect.objectContaining({ channel: 'sms', language: 'pl', appointmentIds: expect.any(Array) })]);
  });

  it('refuses a malformed date', async () => {
    await expect(run({ date: '15/01/2030' })).rejects.toThrow(/--date/);
  });
});
