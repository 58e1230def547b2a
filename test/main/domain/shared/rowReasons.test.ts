import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROW } from '../../../../src-main/domain/shared/rowReasons';
import { parseCallFile } from '../../../../src-main/domain/calls/import/parseCallFile';
import { importAppointmentCsv } from '../../../../src-main/domain/appointments/import/csvImport';
import { importIcs } from '../../../../src-main/domain/appointments/import/icsImport';

const LOCALES = join(__dirname, '../../../../src-renderer/i18n/locales');
const rows = (lang: string): Record<string, string> => JSON.parse(readFileSync(join(LOCALES, lang, 'errors-rows.json'), 'utf8')) as Record<string, string>;
const known = new Set<string>(Object.values(ROW));
const zone = { timeZone: 'Europe/Rome' };
const range = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2027, 0, 1) };

/** Every refused row says why in words the desk can translate: a reason of errors-rows with its values. */
function expectReasons(errors: Array<{ reason?: string; params?: Record<string, unknown> }>): void {
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) expect(known.has(e.reason ?? ''), JSON.stringify(e)).toBe(true);
}

describe('row error reasons', () => {
  it('exist in Italian, Polish and English with the same placeholders', () => {
    const [it, pl, en] = [rows('it'), rows('pl'), rows('en')];
    for (const reason of known) {
      const k = reason.replace('errors-rows:', '');
      const vars = (s: string | undefined): string[] => [...(s ?? '').matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
      expect(en[k], k).toBeTruthy();
      expect(vars(it[k]), k).toEqual(vars(en[k]));
      expect(vars(pl[k]), k).toEqual(vars(en[k]));
    }
  });

  it('3CX: bad time, unknown status, unreadable duration each carry a reason and the offending value', () => {
    const csv = [
      'Call Time,From,To,Direction,Status,Ringing,Talking',
      'yesterday,+393331112233,201,Inbound,Answered,00:00:05,00:01:00',
      '2026-11-20 10:00:00,+393331112233,201,Inbound,Exploded,00:00:05,00:01:00',
      '2026-11-20 10:05:00,+393331112233,201,Inbound,Answered,five,00:01:00',
    ].join('\n');
    const parsed = parseCallFile(csv, { ...zone, format: '3cx' });
    expectReasons(parsed.errors);
    expect(parsed.errors.map((e) => [e.reason, e.params?.value])).toEqual([
      [ROW.dateTime, 'yesterday'],
      [ROW.unknownValue, 'Exploded'],
      [ROW.duration, 'five'],
    ]);
  });

  it('generic CSV: a row without a phone and an unclosed quote', () => {
    const csv = ['when,number,dir', '2026-11-20 10:00,,in', '2026-11-20 11:00,"+39333,in'].join('\n');
    const parsed = parseCallFile(csv, { ...zone, format: 'generic', mapping: { startedAt: 'when', number: 'number', direction: 'dir' } });
    expectReasons(parsed.errors);
  });

  it('appointments CSV: a bad date, a bad time and an end before the start name the file’s own column', () => {
    const csv = ['Data,Ora,Fine,Paziente', 'domani,09:30,,Rossi Mario', '24/03/2026,9h,,Bianchi Anna', '24/03/2026,10:00,24/03/2026 09:00,Verdi Luca'].join('\n');
    const result = importAppointmentCsv(csv, { ...zone, range: null, practitioner: 'Dr Rossi', mapping: { end: 'Fine' } });
    expectReasons(result.errors);
    expect(result.errors.map((e) => [e.reason, e.params?.column ?? null])).toEqual([
      [ROW.date, 'Data'],
      [ROW.time, 'Ora'],
      [ROW.endBeforeStart, null],
    ]);
  });

  it('appointments CSV without a start column, and an ICS file that is not a calendar', () => {
    expectReasons(importAppointmentCsv('Paziente,Telefono\nRossi,333', { ...zone, range: null }).errors);
    expectReasons(importIcs('hello', { ...zone, range }).errors);
  });
});
