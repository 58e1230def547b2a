import { describe, expect, it } from 'vitest';
import { clinicDayEnd, clinicDayStart, fromDate, fromDateTime, fromTime, pickerLocale, stepMinutes, toDate, toDateTime, toTime } from '../../../../src-renderer/components/datetime/pickerValues';

describe('date/time field values', () => {
  it.each([
    ['2026-11-30', '2026-11-30'],
    ['2024-02-29', '2024-02-29'],
    ['2026-02-30', ''], // no such day
    ['30/11/2026', ''],
    ['', ''],
  ])('date %s round-trips as %s', (input, out) => expect(fromDate(toDate(input))).toBe(out));

  it.each([
    ['14:30', '14:30'],
    ['00:00', '00:00'],
    ['23:59', '23:59'],
    ['24:00', ''],
    ['2:30', ''],
    ['2:30 PM', ''],
  ])('time %s round-trips as %s', (input, out) => expect(fromTime(toTime(input))).toBe(out));

  it.each([
    ['2026-11-30T14:30', '2026-11-30T14:30'],
    ['2026-03-29T02:30', '2026-03-29T02:30'], // a wall-clock value; the clinic zone resolves it later
    ['2026-11-30T25:00', ''],
    ['2026-11-30', ''],
  ])('date-time %s round-trips as %s', (input, out) => expect(fromDateTime(toDateTime(input))).toBe(out));

  it('speaks the UI language with a 24-hour, Monday-first region (English as in the UK)', () => {
    expect([pickerLocale('it'), pickerLocale('pl'), pickerLocale('en'), pickerLocale('de')]).toEqual(['it-IT', 'pl-PL', 'en-GB', 'en-GB']);
    for (const l of ['it-IT', 'pl-PL', 'en-GB']) expect(new Intl.DateTimeFormat(l, { hour: 'numeric' }).resolvedOptions().hourCycle).toBe('h23');
  });

  it('a clinic day ends at the next midnight, 23 or 25 hours on DST days', () => {
    const len = (d: string) => (clinicDayEnd(d, 'Europe/Rome') - clinicDayStart(d, 'Europe/Rome')) / 3600_000;
    expect([len('2026-03-29'), len('2026-10-25'), len('2026-11-30')]).toEqual([23, 25, 24]);
  });
});

describe('minutes stepped by 5 with ↑/↓ (new visit time)', () => {
  it.each([
    ['09:07', 1, '09:10'],
    ['09:07', -1, '09:05'],
    ['09:10', 1, '09:15'],
    ['09:10', -1, '09:05'],
    ['09:55', 1, '09:00'],
    ['09:00', -1, '09:55'],
    ['09:58', 1, '09:00'],
  ] as const)('%s %i → %s', (value, dir, out) => {
    expect(stepMinutes(value, dir, 5)).toBe(out);
  });

  it('leaves an empty or incomplete value to the field', () => {
    expect(stepMinutes('', 1, 5)).toBeNull();
    expect(stepMinutes('9:', 1, 5)).toBeNull();
  });
});
