import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importAppointmentCsv, parseDateTime, parseLocalDate, parseLocalTime, resolveColumns } from '../../../../../src-main/domain/appointments/import/csvImport';

const fixture = (name: string): string => readFileSync(`test/fixtures/appointments/${name}`, 'utf8');
const iso = (t: number): string => new Date(t).toISOString().replace('.000', '');

describe('importAppointmentCsv: Italian practice software export (; separated)', () => {
  const r = importAppointmentCsv(fixture('gestionale-export-it.csv'), { range: null, timeZone: 'Europe/Rome' });

  it('reads the rows with local times in the clinic zone, including the DST-change day', () => {
    expect(r.appointments.map((a) => [a.uid, iso(a.startsAt), iso(a.endsAt), a.patientName, a.practitioner, a.cancelled])).toEqual([
      ['csv:A-10231', '2026-03-24T08:00:00Z', '2026-03-24T08:30:00Z', 'Bianchi Mario', 'Dr Rossi', false],
      ['csv:A-10232', '2026-03-24T08:30:00Z', '2026-03-24T09:15:00Z', 'Esposito Giulia', 'Dr Rossi', false],
      ['csv:A-10233', '2026-03-24T09:15:00Z', '2026-03-24T09:45:00Z', 'Romano Luca', 'Dr Rossi', true],
      ['csv:A-10234', '2026-03-29T06:30:00Z', '2026-03-29T07:00:00Z', 'Greco Paolo', 'Dr Ferri', false],
      ['csv:A-10237', '2026-03-25T13:30:00Z', '2026-03-25T14:00:00Z', 'Marino Elena', 'Dr Ferri', false],
    ]);
    expect(r.appointments[1]?.notes).toBe('Allergia al lattice; usare guanti in nitrile');
    expect(r.appointments[1]?.type).toBe('Igiene orale');
  });

  it('reports each bad row with its line and keeps the others', () => {
    expect(r.errors).toMatchObject([
      { line: 6, message: 'date "31/02/2026" is not a date (e.g. 24/03/2026)' },
      { line: 7, message: 'the end is not after the start' },
    ]);
  });
});

describe('importAppointmentCsv: Polish export (BOM, comma separated, durations)', () => {
  const r = importAppointmentCsv(fixture('export-pl.csv'), { range: { from: Date.UTC(2026, 2, 23), to: Date.UTC(2026, 2, 24) }, timeZone: 'Europe/Warsaw' });

  it('reads durations, quoted commas and cancelled statuses', () => {
    expect(r.appointments.map((a) => [iso(a.startsAt), iso(a.endsAt), a.patientName, a.phone, a.type, a.cancelled])).toEqual([
      ['2026-03-23T07:45:00Z', '2026-03-23T08:15:00Z', 'Anna Nowak', '601 234 567', 'Wizyta kontrolna', false],
      ['2026-03-23T08:15:00Z', '2026-03-23T09:00:00Z', 'Piotr Wiśniewski', '+48 512 345 678', 'Higienizacja (skaling, piaskowanie)', false],
      ['2026-03-23T10:00:00Z', '2026-03-23T10:30:00Z', 'Magdalena Lewandowska', '505 404 303', 'Ekstrakcja', true],
    ]);
  });

  it('gives rows without an id a stable identity so a re-import matches them', () => {
    const again = importAppointmentCsv(fixture('export-pl.csv'), { range: null, timeZone: 'Europe/Warsaw' });
    expect(again.appointments.map((a) => a.uid)).toEqual(r.appointments.map((a) => a.uid));
    expect(r.appointments[0]?.uid).toBe('csv:2026-03-23T07:45:00.000Z|lek. dent. Ewa Kowalska|601 234 567');
  });

  it('names the line and the bad value', () => {
    expect(r.errors).toMatchObject([
      { line: 4, message: 'duration "pół godziny" is not a number of minutes' },
      { line: 5, message: 'time "" is not a time (e.g. 09:30)' },
    ]);
  });
});

describe('column mapping', () => {
  const sheet = 'When,Who,Mobile,With\r\n2026-03-24T09:00:00+01:00,Anna Nowak,601234567,Dr Rossi\r\n';

  it('maps unknown headers explicitly and reads ISO instants with an offset', () => {
    const r = importAppointmentCsv(sheet, { range: null, timeZone: 'Europe/Rome', mapping: { start: 'When', patient: 'Who', phone: 'Mobile', practitioner: 'With' } });
    expect(r.errors).toEqual([]);
    expect(r.appointments.map((a) => [iso(a.startsAt), iso(a.endsAt), a.patientName, a.phone, a.practitioner])).toEqual([
      ['2026-03-24T08:00:00Z', '2026-03-24T08:30:00Z', 'Anna Nowak', '601234567', 'Dr Rossi'],
    ]);
  });

  it('explains a missing start column and a mapping to a column that does not exist', () => {
    expect(importAppointmentCsv(sheet, { range: null, timeZone: 'Europe/Rome' }).errors).toMatchObject([
      { line: 1, message: 'no start column: map "start", or "date" and "time" (columns: When, Who, Mobile, With)' },
    ]);
    expect(resolveColumns(['When'], { start: 'Quando' }).problem).toBe('mapping start="Quando": no such column (columns: When)');
    expect(importAppointmentCsv('', { range: null, timeZone: 'Europe/Rome' }).errors).toMatchObject([{ line: 1, message: 'the file is empty' }]);
  });
});

describe('date and time cells', () => {
  it.each([
    ['2026-03-24', '2026-03-24'],
    ['24/03/2026', '2026-03-24'],
    ['24.03.2026', '2026-03-24'],
    ['4-3-2026', '2026-03-04'],
    ['29/02/2026', null],
    ['03/24/2026', null],
    ['tomorrow', null],
  ])('date %s → %s', (raw, expected) => expect(parseLocalDate(raw)).toBe(expected));

  it.each([
    ['9:00', 540],
    ['09.30', 570],
    ['14:05:00', 845],
    ['24:00', null],
    ['9h', null],
  ])('time %s → %s', (raw, expected) => expect(parseLocalTime(raw)).toBe(expected));

  it.each([
    ['2026-03-29 10:00', 'Europe/Rome', '2026-03-29T08:00:00Z'],
    ['28.03.2026 10:00', 'Europe/Warsaw', '2026-03-28T09:00:00Z'],
    ['2026-03-24T09:00:00Z', 'Europe/Rome', '2026-03-24T09:00:00Z'],
  ])('date-time %s in %s → %s', (raw, zone, expected) => {
    const t = parseDateTime(raw, zone);
    expect(t === null ? null : iso(t)).toBe(expected);
  });
});

describe('rows with neither an end nor a duration', () => {
  const csv = 'Data,Ora,Paziente,Medico\n24/03/2026,09:00,Mario Bianchi,Dr Rossi\n24/03/2026,09:00,Anna Verdi,Dr Conti\n';
  const minutes = (r: ReturnType<typeof importAppointmentCsv>): number[] => r.appointments.map((a) => (a.endsAt - a.startsAt) / 60_000);

  it('last the practitioner’s usual visit length, else the default, else 30 minutes', () => {
    const usual = (name: string | null): number | undefined => (name === 'Dr Rossi' ? 20 : undefined);
    expect(minutes(importAppointmentCsv(csv, { range: null, timeZone: 'Europe/Rome', visitMinutesOf: usual }))).toEqual([20, 30]);
    expect(minutes(importAppointmentCsv(csv, { range: null, timeZone: 'Europe/Rome', visitMinutesOf: usual, defaultVisitMinutes: 45 }))).toEqual([20, 45]);
    expect(minutes(importAppointmentCsv(csv, { range: null, timeZone: 'Europe/Rome' }))).toEqual([30, 30]);
  });
});
