import { describe, expect, it } from 'vitest';
import { addDays, isCivilDate, isoWeekdayIndex, localParts, startOfLocalDay, zonedToUtc } from '../../../../src-main/domain/hours/zonedTime';

const iso = (s: string): number => Date.parse(s);

describe('zonedToUtc', () => {
  it.each([
    ['winter Rome', '2026-11-24', 8 * 60, 'Europe/Rome', '2026-11-24T07:00:00Z'],
    ['summer Rome', '2026-07-01', 8 * 60, 'Europe/Rome', '2026-07-01T06:00:00Z'],
    ['Warsaw midnight', '2026-11-25', 0, 'Europe/Warsaw', '2026-11-24T23:00:00Z'],
    ['24:00 is next midnight', '2026-11-24', 24 * 60, 'Europe/Rome', '2026-11-24T23:00:00Z'],
    ['spring-forward gap moves forward', '2026-03-29', 2 * 60 + 30, 'Europe/Rome', '2026-03-29T01:30:00Z'],
    ['after spring-forward', '2026-03-29', 3 * 60, 'Europe/Rome', '2026-03-29T01:00:00Z'],
    ['autumn overlap picks first occurrence', '2026-10-25', 2 * 60 + 30, 'Europe/Rome', '2026-10-25T00:30:00Z'],
    ['after autumn overlap', '2026-10-25', 3 * 60, 'Europe/Rome', '2026-10-25T02:00:00Z'],
    ['before autumn overlap', '2026-10-25', 60 + 30, 'Europe/Rome', '2026-10-24T23:30:00Z'],
    ['New York DST day', '2026-03-08', 9 * 60, 'America/New_York', '2026-03-08T13:00:00Z'],
  ])('%s', (_name, date, minute, tz, expected) => {
    expect(new Date(zonedToUtc(date, minute, tz)).toISOString()).toBe(new Date(iso(expected)).toISOString());
  });
});

describe('localParts', () => {
  it('reads the wall clock of the zone', () => {
    expect(localParts(iso('2026-11-24T20:00:00Z'), 'Europe/Warsaw')).toEqual({
      date: '2026-11-24',
      year: 2026,
      month: 11,
      day: 24,
      minute: 21 * 60,
    });
    expect(localParts(iso('2026-11-24T23:30:00Z'), 'Europe/Rome').date).toBe('2026-11-25');
  });

  it('startOfLocalDay on a 23-hour day', () => {
    expect(startOfLocalDay(iso('2026-03-29T20:00:00Z'), 'Europe/Rome')).toBe(iso('2026-03-28T23:00:00Z'));
  });
});

describe('civil dates', () => {
  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
  ])('addDays(%s, %i) = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it.each([
    ['2026-11-23', 0],
    ['2026-11-29', 6],
  ])('isoWeekdayIndex(%s) = %i', (date, index) => {
    expect(isoWeekdayIndex(date)).toBe(index);
  });

  it.each([
    ['2026-02-28', true],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['26-01-01', false],
    ['2026-1-1', false],
  ])('isCivilDate(%s) = %s', (value, ok) => {
    expect(isCivilDate(value)).toBe(ok);
  });
});
