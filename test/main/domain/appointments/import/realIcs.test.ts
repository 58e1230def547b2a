import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importIcs } from '../../../../../src-main/domain/appointments/import/icsImport';

/** Calendar files from ical.js' own samples (test/fixtures/real/SOURCES.md). */
const real = (name: string): string => readFileSync(`test/fixtures/real/ics/${name}`, 'utf8');
const iso = (t: number): string => new Date(t).toISOString().replace('.000', '');
const weekdayInLA = (t: number): string => new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone: 'America/Los_Angeles' }).format(t);
const opts = (from: string, to: string) => ({ range: { from: Date.parse(from), to: Date.parse(to) }, timeZone: 'Europe/Rome' });

describe('real calendar exports', () => {
  it('Zimbra event with two RRULEs: every occurrence of both rules', () => {
    const r = importIcs(real('icaljs-multiple_rrules.ics'), opts('2012-03-01T00:00:00Z', '2012-08-01T00:00:00Z'));
    expect(r.errors).toEqual([]);
    const days = r.appointments.map((a) => weekdayInLA(a.startsAt));
    // RRULE:FREQ=WEEKLY (Mondays from 26 March) and RRULE:FREQ=MONTHLY;BYDAY=SU (every Sunday), both until 30 July.
    expect(days.filter((d) => d === 'Mon')).toHaveLength(18);
    expect(days.filter((d) => d === 'Sun')).toHaveLength(18);
    expect(r.appointments).toHaveLength(36);
    expect(iso(r.appointments[0]!.startsAt)).toBe('2012-03-26T18:00:00Z'); // 11:00 PDT
  });

  it('Google daily series started in 2012 still shows in late 2026 (the expansion seeks the window)', () => {
    const r = importIcs(real('icaljs-daily_recur.ics'), opts('2026-11-23T00:00:00Z', '2026-11-30T00:00:00Z'));
    expect(r.errors).toEqual([]);
    expect(r.appointments.map((a) => iso(a.startsAt))).toEqual([
      '2026-11-23T13:00:00Z', '2026-11-24T13:00:00Z', '2026-11-25T13:00:00Z', '2026-11-26T13:00:00Z',
      '2026-11-27T13:00:00Z', '2026-11-28T13:00:00Z', '2026-11-29T13:00:00Z',
    ]);
  });

  it('a bare-date EXDATE on a timed series removes that day only', () => {
    const r = importIcs(real('icaljs-rdate_exdate.ics'), opts('2024-06-01T00:00:00Z', '2024-07-01T00:00:00Z'));
    expect(r.errors).toEqual([]);
    expect(r.appointments.map((a) => iso(a.startsAt))).toEqual(['2024-06-09T03:00:00Z', '2024-06-10T03:00:00Z', '2024-06-12T03:00:00Z']);
  });

  it('Zimbra series with RDATE;VALUE=PERIOD, date-time RDATEs, EXDATEs and moved occurrences', () => {
    const r = importIcs(real('icaljs-recur_instances.ics'), opts('2012-10-01T00:00:00Z', '2013-03-01T00:00:00Z'));
    expect(r.errors).toEqual([]);
    const nov2023 = importIcs(real('icaljs-recur_instances.ics'), opts('2023-11-01T00:00:00Z', '2023-12-01T00:00:00Z'));
    expect(nov2023.appointments.map((a) => iso(a.startsAt))).toEqual(['2023-11-07T18:00:00Z', '2023-11-23T09:00:00Z', '2023-11-25T09:00:00Z']);
    expect(r.appointments.map((a) => [iso(a.startsAt), a.notes, a.line])).toEqual([
      ['2012-10-02T22:00:00Z', 'I HAZ CHANGED!', 59], // first Tuesday moved from 10:00 to 15:00 PDT
      ['2012-11-06T18:00:00Z', 'IAM FOO', 24],
      ['2012-11-07T04:00:00Z', '', 79], // the RDATE of 5 November, moved
      ['2012-11-10T18:00:00Z', 'IAM FOO', 24],
      ['2012-11-30T18:00:00Z', 'IAM FOO', 24],
      ['2013-01-01T18:00:00Z', 'IAM FOO', 24], // 4 December and 5 February are EXDATEs
    ]);
  });

  it('two versions of one moved occurrence: the higher SEQUENCE wins, the other is reported', () => {
    // The same override sent twice, the second time moved again (what a re-sent Outlook/Zimbra update looks like).
    const text = real('icaljs-recur_instances.ics');
    const override = text.slice(text.indexOf('BEGIN:VEVENT', text.indexOf('I HAZ CHANGED') - 400), text.indexOf('END:VEVENT', text.indexOf('I HAZ CHANGED')) + 'END:VEVENT'.length);
    const newer = override.replace('SEQUENCE:1', 'SEQUENCE:2').replace('DTSTART;TZID=America/Los_Angeles:20121002T150000', 'DTSTART;TZID=America/Los_Angeles:20121002T160000').replace('DTEND;TZID=America/Los_Angeles:20121002T153000', 'DTEND;TZID=America/Los_Angeles:20121002T163000');
    const twice = text.replace(override, `${newer}\r\n${override}`);
    const r = importIcs(twice, opts('2012-10-01T00:00:00Z', '2012-10-31T00:00:00Z'));
    expect(r.errors).toEqual([]);
    expect(r.appointments.map((a) => iso(a.startsAt))).toEqual(['2012-10-02T23:00:00Z']);
    expect(r.skipped.some((s) => /older version \(SEQUENCE 1\)/.test(s.message))).toBe(true);
  });

  it('one malformed line costs its event only, and is reported on its real line', () => {
    // (Spaces after commas, "BYDAY=MO, TU", are what Microsoft CDO writes and are repaired: realIcsExporters.test.ts.)
    const broken = real('icaljs-recur_instances.ics').replace('RRULE:FREQ=MONTHLY;INTERVAL=1;BYDAY=1TU', 'RRULE:FREQ=WEEKLY;BYDAY=MO,XX');
    const r = importIcs(broken, opts('2012-10-01T00:00:00Z', '2013-03-01T00:00:00Z'));
    expect(r.errors).toMatchObject([{ line: 27, message: expect.stringContaining('BYDAY') }]);
    // The two moved occurrences (their own VEVENTs) are still imported.
    expect(r.appointments.map((a) => a.line)).toEqual([59, 79]);
  });
});

describe('Outlook display-name TZID without a VTIMEZONE', () => {
  it('reads "(UTC-05:00) Eastern Time (US & Canada)" as New York, across DST', () => {
    // The form Outlook writes (quoted because of the colon-free but parenthesised name), as other projects' parsers document it.
    const ics = [
      'BEGIN:VCALENDAR', 'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN', 'VERSION:2.0',
      'BEGIN:VEVENT', 'UID:040000008200E00074C5B7101A82E0080000000010', 'SUMMARY:Controllo - John Smith',
      'DTSTART;TZID="(UTC-05:00) Eastern Time (US & Canada)":20260115T090000',
      'DTEND;TZID="(UTC-05:00) Eastern Time (US & Canada)":20260115T093000',
      'RRULE:FREQ=MONTHLY;COUNT=8', 'END:VEVENT', 'END:VCALENDAR', '',
    ].join('\r\n');
    const r = importIcs(ics, opts('2026-01-01T00:00:00Z', '2026-09-01T00:00:00Z'));
    expect(r.errors).toEqual([]);
    expect(r.appointments.map((a) => iso(a.startsAt)).slice(0, 4)).toEqual(['2026-01-15T14:00:00Z', '2026-02-15T14:00:00Z', '2026-03-15T13:00:00Z', '2026-04-15T13:00:00Z']);
  });
});
