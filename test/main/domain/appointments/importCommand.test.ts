import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importAppointmentsCommand, isoWithOffset } from '../../../../src-main/cli/commands/importAppointments';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-appts-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], values: Record<string, string | boolean | string[]> = {}): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await importAppointmentsCommand.run({ values: { data: dir, ...values }, positionals: args }, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('isoWithOffset', () => {
  it.each([
    [Date.UTC(2026, 2, 28, 7, 30), 'Europe/Rome', '2026-03-28T08:30:00+01:00'],
    [Date.UTC(2026, 2, 29, 6, 30), 'Europe/Rome', '2026-03-29T08:30:00+02:00'],
    [Date.UTC(2026, 9, 25, 0, 30), 'Europe/Warsaw', '2026-10-25T02:30:00+02:00'],
    [Date.UTC(2026, 9, 25, 1, 30), 'Europe/Warsaw', '2026-10-25T02:30:00+01:00'],
    [Date.UTC(2026, 0, 1, 12, 0), 'UTC', '2026-01-01T12:00:00+00:00'],
  ])('%s in %s → %s', (t, tz, expected) => expect(isoWithOffset(t, tz)).toBe(expected));
});

describe('clinic-desk import appointments', () => {
  const google = 'test/fixtures/appointments/google-calendar-dr-rossi.ics';

  it('prints each appointment with ISO start/end and offset, across the DST change, and the ignored all-day event', async () => {
    const r = await run([google], { from: '2026-03-23', to: '2026-04-10', 'create-all': true });
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toContainEqual(expect.stringMatching(/^google-calendar-dr-rossi\.ics:\d+ {2}2026-03-28T08:30:00\+01:00 → 2026-03-28T09:00:00\+01:00 {2}Dr Rossi {2}Paolo Greco/));
    expect(r.out).toContainEqual(expect.stringMatching(/ 2026-03-29T08:30:00\+02:00 → 2026-03-29T09:00:00\+02:00 /));
    expect(r.out).toContainEqual('google-calendar-dr-rossi.ics:86  skipped: all-day event "Congresso SIdP" ignored');
    expect(r.out.at(-1)).toMatch(/^Created 8, updated 0, unchanged 0/);
    // The clinic's first import: no booking confirmations unless asked.
    expect(r.out).toContainEqual('Booking confirmations: off (first import; pass --send-confirmations to send them); 0 other notice(s) queued.');
  });

  it('--send-confirmations turns them on for the first import; --no-confirmations off for a later one; both at once is refused', async () => {
    const march = { from: '2026-03-23', to: '2026-04-10', 'create-all': true };
    await expect(run([google], { ...march, 'send-confirmations': true, 'no-confirmations': true })).rejects.toThrow(/--send-confirmations or --no-confirmations/);
    const on = await run([google], { ...march, 'send-confirmations': true });
    expect(on.out).toContainEqual(expect.stringMatching(/^Booking confirmations: on; \d+ notice\(s\) queued\.$/));
    const off = await run([google], { ...march, 'no-confirmations': true });
    expect(off.out).toContainEqual(expect.stringMatching(/^Booking confirmations: off; /));
  });

  it('re-importing updates by UID and never duplicates; a dry run saves nothing', async () => {
    const dry = await run([google], { from: '2026-03-23', to: '2026-04-10', 'dry-run': true, 'create-all': true });
    expect(dry.out.at(-1)).toMatch(/^Dry run \(nothing saved\): would create 8/);
    await run([google], { from: '2026-03-23', to: '2026-04-10', 'create-all': true });
    const again = await run([google], { from: '2026-03-23', to: '2026-04-10', json: true, 'create-all': true });
    const summary = JSON.parse(again.out.join('\n')) as { created: number; unchanged: number; rows: { start: string }[] };
    expect(summary.created).toBe(0);
    expect(summary.unchanged).toBe(8);
    expect(summary.rows[0]?.start).toBe('2026-03-24T09:00:00+01:00');
  });

  it('a real Exchange (OWA) published calendar without UIDs imports once: a second import creates nothing', async () => {
    const owa = 'test/fixtures/real/ics/nodeical-Office-2012-owa.ics';
    const first = await run([owa], { from: '2020-10-26', to: '2020-11-08', 'create-all': true });
    expect(first.err).toEqual([]);
    expect(first.out.at(-1)).toMatch(/^Created 5, updated 0, unchanged 0/);
    const again = await run([owa], { from: '2020-10-26', to: '2020-11-08', json: true, 'create-all': true });
    const summary = JSON.parse(again.out.join('\n')) as { created: number; rows: { uid: string }[] };
    // Same made-up UIDs, so nothing is created twice (rows without a phone get a new patient each time: see the report).
    expect(summary.created).toBe(0);
    expect(summary.rows.map((r) => r.uid.startsWith('no-uid-'))).toEqual([true, true, true, true, true]);
  });

  it('reports bad rows with their line numbers and imports the rest', async () => {
    const file = path.join(dir, 'agenda.csv');
    fs.writeFileSync(file, 'Data,Ora,Durata (min),Paziente,Cellulare,Medico\n2026-03-24,09:00,30,Mario Bianchi,333 123 4567,Dr Rossi\n2026-03-24,9 e mezza,30,Anna Verdi,333 765 4321,Dr Rossi\n2026-03-24,10:00,30,Luca Neri,12,Dr Rossi\n');
    const r = await run([file], { from: '2026-03-24', to: '2026-03-24', 'create-practitioners': 'Dr Rossi' });
    expect(r.code).toBe(1);
    expect(r.out[0]).toMatch(/^agenda\.csv:2 {2}2026-03-24T09:00:00\+01:00 → 2026-03-24T09:30:00\+01:00 {2}Dr Rossi {2}Mario Bianchi/);
    expect(r.err).toHaveLength(2);
    expect(r.err[0]).toMatch(/^agenda\.csv:3 {2}error: /);
    expect(r.err[1]).toMatch(/^agenda\.csv:4 {2}error: phone "12"/);
  });

  it('creates a new practitioner only when named in --create-practitioners; a typo of one is reported, not created', async () => {
    const file = path.join(dir, 'agenda.csv');
    const csv = (doctor: string, time: string): string => `2026-03-24,${time},30,Mario Bianchi,333 123 4567,${doctor}\n`;
    fs.writeFileSync(file, 'Data,Ora,Durata (min),Paziente,Cellulare,Medico\n' + csv('Dr Rossi', '09:00') + csv('Dr Verdi', '10:00'));
    const dry = await run([file], { from: '2026-03-24', to: '2026-03-24', 'dry-run': true });
    expect(dry.code).toBe(1);
    expect(dry.out).toContain('new practitioner "Dr Rossi" (lines 2): not confirmed: pass --create-practitioners to create it');
    expect(dry.err).toHaveLength(2);
    const first = await run([file], { from: '2026-03-24', to: '2026-03-24', 'create-practitioners': 'Dr Rossi' });
    expect(first.code).toBe(1);
    expect(first.out).toContain('new practitioner "Dr Rossi" (lines 2): created');
    expect(first.err).toEqual([expect.stringMatching(/^agenda\.csv:3 {2}error: practitioner "Dr Verdi" is new/)]);

    fs.writeFileSync(file, 'Data,Ora,Durata (min),Paziente,Cellulare,Medico\n' + csv('Dr Rosi', '11:00'));
    const typo = await run([file], { from: '2026-03-24', to: '2026-03-24', json: true });
    const summary = JSON.parse(typo.out.join('\n')) as { created: number; newPractitioners: unknown[]; errors: { reason: string; params: Record<string, unknown> }[] };
    expect(summary.created).toBe(0);
    expect(summary.newPractitioners).toEqual([{ name: 'Dr Rosi', lines: [2], confirmed: false, similarTo: 'Dr Rossi' }]);
    expect(summary.errors[0]).toMatchObject({ reason: 'errors-practitioners:unconfirmedSimilar', params: { name: 'Dr Rosi', similar: 'Dr Rossi' } });
  });

  it('refuses a missing file, a bad date and an unknown format naming the option', async () => {
    await expect(run([path.join(dir, 'nope.ics')])).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('does not exist') });
    await expect(run([google], { from: '24/03/2026' })).rejects.toMatchObject({ message: expect.stringContaining('--from') });
    const odd = path.join(dir, 'agenda.xlsx');
    fs.writeFileSync(odd, 'x');
    await expect(run([odd])).rejects.toMatchObject({ message: expect.stringContaining('--format') });
  });
});
