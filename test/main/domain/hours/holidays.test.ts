import { describe, expect, it } from 'vitest';
import { easterSunday, holidayOn, publicHolidays } from '../../../../src-main/domain/hours/holidays';

describe('easterSunday', () => {
  it.each([
    [2000, '2000-04-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i → %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe('publicHolidays', () => {
  it('Italy 2026 includes Easter Monday and the restored St Francis day', () => {
    const dates = publicHolidays('IT', 2026).map((h) => `${h.date} ${h.key}`);
    expect(dates).toEqual([
      '2026-01-01 new_year',
      '2026-01-06 epiphany',
      '2026-04-05 easter',
      '2026-04-06 easter_monday',
      '2026-04-25 liberation_day',
      '2026-05-01 labour_day',
      '2026-06-02 republic_day',
      '2026-08-15 assumption',
      '2026-10-04 st_francis',
      '2026-11-01 all_saints',
      '2026-12-08 immaculate_conception',
      '2026-12-25 christmas',
      '2026-12-26 st_stephen',
    ]);
  });

  it('Poland 2026 includes Pentecost, Corpus Christi and Christmas Eve', () => {
    const dates = publicHolidays('PL', 2026).map((h) => `${h.date} ${h.key}`);
    expect(dates).toEqual([
      '2026-01-01 new_year',
      '2026-01-06 epiphany',
      '2026-04-05 easter',
      '2026-04-06 easter_monday',
      '2026-05-01 labour_day',
      '2026-05-03 constitution_day',
      '2026-05-24 pentecost',
      '2026-06-04 corpus_christi',
      '2026-08-15 assumption',
      '2026-11-01 all_saints',
      '2026-11-11 independence_day',
      '2026-12-24 christmas_eve',
      '2026-12-25 christmas',
      '2026-12-26 st_stephen',
    ]);
  });

  it.each([
    ['2024-12-24', ['PL'] as const, null],
    ['2025-12-24', ['PL'] as const, 'christmas_eve'],
    ['2025-10-04', ['IT'] as const, null],
    ['2027-10-04', ['IT'] as const, 'st_francis'],
    ['2025-06-19', ['PL'] as const, 'corpus_christi'],
    ['2025-06-19', ['IT'] as const, null],
    ['2026-11-11', ['IT', 'PL'] as const, 'independence_day'],
    ['2026-11-12', ['IT', 'PL'] as const, null],
  ])('holidayOn(%s, %j) → %s', (date, countries, key) => {
    expect(holidayOn(date, countries)?.key ?? null).toBe(key);
  });

  it('names holidays in the country language', () => {
    expect(holidayOn('2026-06-04', ['PL'])?.name).toBe('Boże Ciało');
    expect(holidayOn('2026-04-06', ['IT'])?.name).toBe("Lunedì dell'Angelo");
  });
});
