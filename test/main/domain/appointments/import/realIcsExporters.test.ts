import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importIcs } from '../../../../../src-main/domain/appointments/import/icsImport';
import { resolveTimeZone } from '../../../../../src-main/domain/appointments/import/windowsZones';

/**
 * Calendar files written by Apple Calendar, Outlook/Exchange, Microsoft CDO, Thunderbird, Google and Cyrus,
 * taken from node-ical, python-icalendar and Cyrus IMAP test data (test/fixtures/real/SOURCES.md).
 * Each test asserts every occurrence the importer produces in a window, as instants.
 */
const real = (name: string): string => readFileSync(`test/fixtures/real/ics/${name}`, 'utf8');
const iso = (t: number): string => new Date(t).toISOString().replace('.000', '');
const run = (name: string, from: string, to: string, timeZone = 'Europe/Rome') =>
  importIcs(real(name), { range: { from: Date.parse(from), to: Date.parse(to) }, timeZone });
const starts = (r: ReturnType<typeof run>): string[] => r.appointments.map((a) => iso(a.startsAt));

describe('Apple Calendar (macOS 11.6.7, node-ical tentative-apple-calendar.ics)', () => {
  it('reads UTC and America/Vancouver times and keeps STATUS:CANCELLED as a cancellation', () => {
    const r = run('nodeical-tentative-apple-calendar.ics', '2022-07-01T00:00:00Z', '2022-07-10T00:00:00Z');
    expect(r.errors).toEqual([]);
    expect(r.appointments.map((a) => [iso(a.startsAt), iso(a.endsAt), a.patientName, a.cancelled])).toEqual([
      ['2022-07-04T23:00:00Z', '2022-07-04T23:50:00Z', 'Tentative', false],
      ['2022-07-05T16:00:00Z', '2022-07-05T17:00:00Z', 'Confirmed', false], // 09:00 PDT
      ['2022-07-06T20:00:00Z', '2022-07-06T21:00:00Z', 'Cancelled', true],
      ['2022-07-07T16:00:00Z', '2022-07-07T17:00:00Z', 'No Status', false],
    ]);
  });

  it('Apple iCal 1.0: a DTSTART written as a bare date without VALUE=DATE is an all-day event, not a file error', () => {
    const r = run('nodeical-mixed-timezone-handling.ics', '2002-10-01T00:00:00Z', '2002-11-01T00:00:00Z');
    expect(r.errors).toEqual([]);
    expect(r.skipped.map((s) => s.message)).toEqual(['all-day event "Date Only (Explicit)" ignored', 'all-day event "Date Only (Implicit)" ignored']);
    expect(r.appointments.map((a) => a.patientName)).toEqual(['UTC Timezone', 'Inline Timezone', 'No Timezone']);
  });
});

describe('Outlook / Exchange', () => {
  it('OWA published calendar: display-name TZIDs ("(GMT+10:00) Canberra…", "(UTC-05:00) Eastern…") and events without UID', () => {
    const r = run('nodeical-Office-2012-owa.ics', '2020-10-01T00:00:00Z', '2020-11-14T00:00:00Z');
    expect(r.errors).toEqual([]);
    expect(r.appointments.map((a) => [iso(a.startsAt), a.patientName])).toEqual([
      ['2020-10-28T02:30:00Z', 'TEST Syd'], // 13:30 AEDT (+11)
      ['2020-10-28T17:30:00Z', 'TEST'], // 13:30 EDT (-4)
      ['2020-11-02T18:30:00Z', 'TEST 3'], // 13:30 EST (-5), after the US change
      ['2020-11-05T18:30:00Z', 'TEST2'], // weekly Thursday + Friday series
      ['2020-11-06T18:30:00Z', 'TEST2'],
      ['2020-11-12T18:30:00Z', 'TEST2'],
      ['2020-11-13T18:30:00Z', 'TEST2'],
    ]);
    // No UID in the file: one is made from the event, the same on every import of the same file.
    const again = run('nodeical-Office-2012-owa.ics', '2020-10-01T00:00:00Z', '2020-11-14T00:00:00Z');
    expect(again.appointments.map((a) => a.uid)).toEqual(r.appointments.map((a) => a.uid));
    expect(new Set(r.appointments.slice(0, 3).map((a) => a.uid)).size).toBe(3);
  });

  it('Exchange 2010: Windows zone ids, a misplaced closing quote in a TZID, EXDATE lists', () => {
    const r = run('nodeical-ms_timezones.ics', '2020-07-06T00:00:00Z', '2020-07-13T00:00:00Z');
    expect(r.errors).toEqual([]);
    const jira = r.appointments.filter((a) => a.patientName === "Log Yesterday's Jira time");
    // DTSTART;TZID="W. Europe Standard Time:20200609T090000" — 09:00 CEST, Monday to Saturday (as node-ical reads it)
    expect(jira.map((a) => iso(a.startsAt))).toEqual(['2020-07-06T07:00:00Z', '2020-07-07T07:00:00Z', '2020-07-08T07:00:00Z', '2020-07-09T07:00:00Z', '2020-07-10T07:00:00Z', '2020-07-11T07:00:00Z']);
    // "Pacific Standard Time" 12:00 PDT, Tue/Thu/Fri/Sun
    const pacific = r.appointments.filter((a) => a.patientName === 'Not the actual summary either');
    expect(pacific.map((a) => iso(a.startsAt))).toEqual(['2020-07-07T19:00:00Z', '2020-07-09T19:00:00Z', '2020-07-10T19:00:00Z', '2020-07-12T19:00:00Z']);
    const later = run('nodeical-ms_timezones.ics', '2020-07-20T00:00:00Z', '2020-07-27T00:00:00Z');
    // EXDATE;TZID=Pacific Standard Time:20200721T120000,20200723T120000,… removes Tuesday and Thursday
    expect(starts({ ...later, appointments: later.appointments.filter((a) => a.patientName === 'Not the actual summary either') })).toEqual(['2020-07-24T19:00:00Z', '2020-07-26T19:00:00Z']);
  });

  it('Exchange TZID made of the display name\'s cities without the "(UTC+01:00)" prefix', () => {
    const r = run('nodeical-test_with_tz_list.ics', '2024-04-01T00:00:00Z', '2024-05-01T00:00:00Z');
    // The only occurrence (DTSTART) is removed by an EXDATE in the same zone: nothing to import, nothing wrong.
    expect(r.errors).toEqual([]);
    expect(r.appointments).toEqual([]);
    expect(resolveTimeZone('Amsterdam, Belgrade, Berlin, Brussels, Budapest, Madrid, Paris, Prague, Stockholm')).toBe('Europe/Amsterdam');
  });

  it('"(UTC-05:00) Eastern Time (US and Canada)" — "and" for "&" — daily series', () => {
    const r = run('nodeical-windows-quoted-tz-rrule.ics', '2015-07-01T00:00:00Z', '2015-07-09T00:00:00Z');
    expect(r.errors).toEqual([]);
    expect(starts(r)).toEqual(['2015-07-06T16:00:00Z', '2015-07-07T16:00:00Z', '2015-07-08T16:00:00Z']); // 12:00 EDT
  });

  it('an offset-only TZID "(GMT +01:00)" is read as the clinic\'s zone when the clinic has that offset', () => {
    const r = run('nodeical-music-school-weekly-until.ics', '2022-10-01T00:00:00Z', '2022-12-31T00:00:00Z');
    expect(r.errors).toEqual([]);
    // 14:00 every Tuesday in Rome: 12:00Z in October (CEST), 13:00Z from November (CET); UNTIL 1 December.
    expect(starts(r)).toEqual([
      '2022-10-04T12:00:00Z', '2022-10-11T12:00:00Z', '2022-10-18T12:00:00Z', '2022-10-25T12:00:00Z',
      '2022-11-01T13:00:00Z', '2022-11-08T13:00:00Z', '2022-11-15T13:00:00Z', '2022-11-22T13:00:00Z', '2022-11-29T13:00:00Z',
    ]);
    // A clinic in a zone without that offset gets the fixed offset.
    const lisbon = run('nodeical-music-school-weekly-until.ics', '2022-10-01T00:00:00Z', '2022-10-05T00:00:00Z', 'America/New_York');
    expect(starts(lisbon)).toEqual(['2022-10-04T13:00:00Z']);
  });

  it('Microsoft CDO: "BYDAY=MO, TU, WE, TH, FR" with spaces and a custom VTIMEZONE', () => {
    const r = run('pyical-issue_165_missing_event.ics', '2015-07-01T00:00:00Z', '2015-08-01T00:00:00Z');
    expect(r.errors).toEqual([]);
    // 10:00 CEST on weekdays from Friday 3 July until 22 July 08:00Z
    expect(starts(r)).toEqual([
      '2015-07-03T08:00:00Z', '2015-07-06T08:00:00Z', '2015-07-07T08:00:00Z', '2015-07-08T08:00:00Z', '2015-07-09T08:00:00Z',
      '2015-07-10T08:00:00Z', '2015-07-13T08:00:00Z', '2015-07-14T08:00:00Z', '2015-07-15T08:00:00Z', '2015-07-16T08:00:00Z',
      '2015-07-17T08:00:00Z', '2015-07-20T08:00:00Z', '2015-07-21T08:00:00Z', '2015-07-22T08:00:00Z',
    ]);
  });
});

describe('Thunderbird, Google, Cyrus', () => {
  it('Thunderbird (Mozilla Calendar V1.1) with a 600-line Europe/London VTIMEZONE', () => {
    const r = run('pyical-alarm_thunderbird_future.ics', '2024-10-01T00:00:00Z', '2024-11-01T00:00:00Z');
    expect(r.errors).toEqual([]);
    expect(r.appointments.map((a) => [iso(a.startsAt), iso(a.endsAt)])).toEqual([['2024-10-23T14:00:00Z', '2024-10-23T15:00:00Z']]); // 15:00 BST
  });

  it('Google: a daily series in Europe/Kiev with one moved occurrence (RECURRENCE-ID)', () => {
    const r = run('nodeical-google-calendar-kiev-tz.ics', '2016-08-01T00:00:00Z', '2016-09-01T00:00:00Z');
    expect(r.errors).toEqual([]);
    expect(r.appointments.map((a) => [iso(a.startsAt), a.patientName])).toEqual([
      ['2016-08-25T11:00:00Z', 'repeated'],
      ['2016-08-26T11:00:00Z', 'bla bla'],
      ['2016-08-27T11:00:00Z', 'repeated'],
      ['2016-08-28T11:00:00Z', 'repeated'],
    ]);
  });

  it('Google: a biweekly series with a folded EXDATE list in US/Central, and a series with a bare-date EXDATE', () => {
    const r = run('nodeical-biweekly-exdate-until.ics', '2017-06-25T00:00:00Z', '2017-08-29T00:00:00Z');
    expect(r.errors).toEqual([]);
    expect(r.appointments.map((a) => [iso(a.startsAt), a.patientName])).toEqual([
      // Mondays and Thursdays every other week at 09:00 CDT; 6, 17, 20 July and 3 August are EXDATEs; UNTIL ends it before 14 August.
      ['2017-07-03T14:00:00Z', 'Example of comma-separated exdates'],
      ['2017-07-31T14:00:00Z', 'Example of comma-separated exdates'],
      // The second series starts 14 August: its `EXDATE:20200116` (a date without VALUE=DATE) no longer drops the event.
      ['2017-08-14T14:00:00Z', 'Example of exdate with bad times'],
      ['2017-08-15T14:00:00Z', 'Example of exdate with bad times'],
      ['2017-08-28T14:00:00Z', 'Example of exdate with bad times'],
    ]);
    // Open-ended: still there years later. (Its EXDATEs at 06:00 floating match no 14:00Z occurrence, so RFC 5545 removes nothing.)
    const later = run('nodeical-biweekly-exdate-until.ics', '2020-01-01T00:00:00Z', '2020-01-20T00:00:00Z');
    expect(later.errors).toEqual([]);
    expect(starts(later)).toEqual(['2020-01-13T14:00:00Z', '2020-01-14T14:00:00Z']);
  });

  it('Cyrus: RSCALE monthly series with RDATE, RDATE;VALUE=PERIOD, EXDATE and two overrides', () => {
    const r = run('cyrus-recurrenceoverrides.ics', '2016-01-01T00:00:00Z', '2017-01-01T00:00:00Z');
    expect(r.errors).toEqual([]);
    expect(r.appointments.map((a) => [iso(a.startsAt), iso(a.endsAt), a.patientName])).toEqual([
      ['2016-01-01T12:00:00Z', '2016-01-01T13:00:00Z', 'foo'], // 1 February is an EXDATE
      ['2016-03-01T12:00:00Z', '2016-03-01T13:00:00Z', 'foo'],
      ['2016-03-04T15:00:00Z', '2016-03-04T16:00:00Z', 'foo'], // RDATE PERIOD 16:00 CET
      ['2016-04-01T11:00:00Z', '2016-04-01T12:00:00Z', 'foo'],
      ['2016-05-01T15:00:00Z', '2016-05-01T17:00:00Z', 'foobarbazbla'], // moved to 17:00, two hours
      ['2016-06-01T11:00:00Z', '2016-06-01T12:00:00Z', 'foo'],
      ['2016-07-01T11:00:00Z', '2016-07-01T12:00:00Z', 'foo'],
      ['2016-08-01T11:00:00Z', '2016-08-01T12:00:00Z', 'foo'],
      ['2016-09-01T11:00:00Z', '2016-09-01T12:00:00Z', 'foobarbazblabam'],
      ['2016-10-01T11:00:00Z', '2016-10-01T12:00:00Z', 'foo'],
      ['2016-11-01T12:00:00Z', '2016-11-01T13:00:00Z', 'foo'],
      ['2016-12-01T12:00:00Z', '2016-12-01T13:00:00Z', 'foo'],
      ['2016-12-24T19:00:00Z', '2016-12-24T20:00:00Z', 'foo'], // RDATE 20:00 CET
    ]);
  });

  it('Cyrus: unquoted Windows zone id "Eastern Standard Time" without a VTIMEZONE', () => {
    const r = run('cyrus-ms_timezone.ics', '2016-09-01T00:00:00Z', '2016-10-01T00:00:00Z');
    expect(r.errors).toEqual([]);
    expect(r.appointments.map((a) => [iso(a.startsAt), iso(a.endsAt)])).toEqual([['2016-09-28T17:00:00Z', '2016-09-28T19:00:00Z']]);
  });
});
