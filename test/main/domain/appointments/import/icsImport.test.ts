import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importIcs } from '../../../../../src-main/domain/appointments/import/icsImport';

const fixture = (name: string): string => readFileSync(`test/fixtures/appointments/${name}`, 'utf8');
const range = { from: Date.UTC(2026, 2, 23), to: Date.UTC(2026, 3, 11) };
const iso = (t: number): string => new Date(t).toISOString().replace('.000', '');

describe('importIcs: Google Calendar export', () => {
  const r = importIcs(fixture('google-calendar-dr-rossi.ics'), { range, timeZone: 'Europe/Warsaw' });

  it('imports each timed event once, in time order, with UTC instants', () => {
    expect(r.errors).toEqual([]);
    expect(r.appointments.map((a) => [iso(a.startsAt), iso(a.endsAt), a.patientName, a.type])).toEqual([
      ['2026-03-24T08:00:00Z', '2026-03-24T08:30:00Z', 'Mario Bianchi', 'Controllo'], // TZID=Europe/Rome, CET
      ['2026-03-24T09:30:00Z', '2026-03-24T10:00:00Z', 'Giulia Esposito', 'Igiene orale'], // UTC
      ['2026-03-24T10:00:00Z', '2026-03-24T10:45:00Z', 'Luca Romano', 'Ortodonzia'], // weekly; 31/3 is an EXDATE
      ['2026-03-26T15:00:00Z', '2026-03-26T15:30:00Z', 'Sara Ricci', 'Devitalizzazione'],
      ['2026-03-28T07:30:00Z', '2026-03-28T08:00:00Z', 'Paolo Greco', 'Medicazione'], // daily at 08:30, CET
      ['2026-03-29T06:30:00Z', '2026-03-29T07:00:00Z', 'Paolo Greco', 'Medicazione'], // DST-change day: CEST
      ['2026-03-30T06:30:00Z', '2026-03-30T07:00:00Z', 'Paolo Greco', 'Medicazione'],
      ['2026-04-07T13:00:00Z', '2026-04-07T13:45:00Z', 'Luca Romano', 'Ortodonzia'], // RECURRENCE-ID moved to 15:00
    ]);
  });

  it('gives each occurrence of a series its own stable UID and keeps the modified one', () => {
    const uids = r.appointments.filter((a) => a.patientName === 'Luca Romano').map((a) => a.uid);
    expect(uids).toEqual(['3pt1g6ld6gsq8s0r0hq3d1q9mk@google.com/20260324T100000Z', '3pt1g6ld6gsq8s0r0hq3d1q9mk@google.com/20260407T090000Z']);
    expect(new Set(r.appointments.map((a) => a.uid)).size).toBe(r.appointments.length);
  });

  it('takes the practitioner from the calendar name, phones from the description, and flags cancellations', () => {
    expect(new Set(r.appointments.map((a) => a.practitioner))).toEqual(new Set(['Dr Rossi']));
    expect(r.appointments[0]?.phone).toBe('+39 333 123 4567');
    expect(r.appointments.find((a) => a.patientName === 'Paolo Greco')?.phone).toBe('0039 345 111 2233');
    expect(r.appointments.filter((a) => a.cancelled).map((a) => a.patientName)).toEqual(['Sara Ricci']);
  });

  it('ignores all-day events and says so with the line', () => {
    expect(r.skipped).toEqual([{ line: 86, message: 'all-day event "Congresso SIdP" ignored' }]);
  });

  it('expands only inside the range and lets --practitioner override', () => {
    const narrow = importIcs(fixture('google-calendar-dr-rossi.ics'), {
      range: { from: Date.UTC(2026, 2, 29), to: Date.UTC(2026, 2, 30) },
      timeZone: 'Europe/Rome',
      practitioner: 'Marco Rossi',
    });
    expect(narrow.appointments.map((a) => [iso(a.startsAt), a.practitioner])).toEqual([['2026-03-29T06:30:00Z', 'Marco Rossi']]);
  });
});

describe('importIcs: Outlook export', () => {
  const r = importIcs(fixture('outlook-dr-kowalska.ics'), { range, timeZone: 'Europe/Warsaw' });

  it('resolves Windows zone names, display names, floating times and the file’s own VTIMEZONE', () => {
    expect(r.appointments.map((a) => [iso(a.startsAt), a.patientName])).toEqual([
      ['2026-03-23T07:45:00Z', 'Anna Nowak'], // "Central European Standard Time", CET
      ['2026-03-26T07:00:00Z', 'Tomasz Kamiński'], // weekly series, CET
      ['2026-03-26T11:00:00Z', 'Piotr Wiśniewski'], // W. Europe Standard Time
      ['2026-03-27T13:00:00Z', 'Katarzyna Wójcik'], // floating 14:00 in the clinic's zone
      ['2026-03-30T08:00:00Z', 'Magdalena Lewandowska'], // "Customized Time Zone" from its VTIMEZONE, CEST
      ['2026-03-31T09:00:00Z', 'Marek Zieliński'], // "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, …"
      ['2026-04-09T06:00:00Z', 'Tomasz Kamiński'], // 2/4 excluded by EXDATE; CEST after the change
    ]);
  });

  it('unfolds long lines (UIDs, descriptions) and reads phones written without a prefix', () => {
    const anna = r.appointments[0];
    expect(anna?.uid).toBe('040000008200E00074C5B7101A82E00800000000B0B6F5A1F0B3DC0100000000000000001000000085D2A46A4C4E8B4FA1B3C3A2B9E0F1C2');
    expect(anna?.notes).toContain('leczeniu kanałowym');
    expect(anna?.phone).toBe('601 234 567');
  });

  it('reports an unknown zone with the line of its VEVENT and keeps the rest', () => {
    expect(r.errors).toMatchObject([{ line: 198, message: 'unknown time zone "Mid-Atlantic Standard Time" and no VTIMEZONE for it in the file' }]);
    expect(r.skipped.map((s) => s.line)).toEqual([123]);
  });
});

describe('importIcs: bad input', () => {
  const opts = { range, timeZone: 'Europe/Rome' };
  it.each([
    ['not a calendar at all', 'Subject,Start Date\nVisit,2026-03-24', /not a valid iCalendar file/],
    ['an unterminated calendar', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n', /not a valid iCalendar file/],
  ])('%s', (_name, text, message) => {
    const r = importIcs(text, opts);
    expect(r.appointments).toEqual([]);
    expect(r.errors[0]?.line).toBe(1);
    expect(r.errors[0]?.message).toMatch(message);
  });

  it('names the event without a start or with an end before its start; an event without UID gets one from its content', () => {
    const text = [
      'BEGIN:VCALENDAR', 'VERSION:2.0',
      'BEGIN:VEVENT', 'UID:a', 'SUMMARY:No start', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:b', 'DTSTART:20260324T100000Z', 'DTEND:20260324T090000Z', 'END:VEVENT',
      'BEGIN:VEVENT', 'DTSTART:20260324T100000Z', 'DTEND:20260324T103000Z', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:ok', 'DTSTART:20260324T110000Z', 'DURATION:PT45M', 'SUMMARY:Anna Nowak', 'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const r = importIcs(text, opts);
    expect(r.errors).toMatchObject([
      { line: 3, message: 'VEVENT without DTSTART' },
      { line: 7, message: 'DTEND is not after DTSTART' },
    ]);
    // Exchange's published calendars have no UID (realIcsExporters.test.ts): the event still imports.
    expect(r.appointments.map((a) => [a.uid.replace(/^no-uid-[0-9a-f]{16}$/, 'no-uid'), iso(a.endsAt)])).toEqual([['no-uid', '2026-03-24T10:30:00Z'], ['ok', '2026-03-24T11:45:00Z']]);
  });
});
