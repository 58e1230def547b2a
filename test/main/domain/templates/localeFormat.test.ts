import { describe, expect, it } from 'vitest';
import { calendarDaysBetween, formatLongDate, formatTime, formatWhen, intlLocale } from '../../../../src-main/domain/templates/localeFormat';

const t = Date.parse('2026-11-24T20:00:00Z');

describe('localeFormat', () => {
  it.each([
    ['it', 'martedì 24 novembre'],
    ['pl', 'wtorek, 24 listopada'],
    ['en', 'Tuesday 24 November'],
    ['de', 'Dienstag, 24. November'],
    ['fr', 'mardi 24 novembre'],
    ['es', 'martes, 24 de noviembre'],
    ['uk', 'вівторок, 24 листопада'],
  ])('long date in %s', (lang, text) => {
    expect(formatLongDate(t, lang, 'Europe/Rome')).toBe(text);
  });

  it.each([
    ['en', 'Europe/Warsaw', '21:00'],
    ['pl', 'Europe/Warsaw', '21:00'],
    ['it', 'Europe/Lisbon', '20:00'],
  ])('time in %s (%s) uses a 24-hour clock', (lang, tz, text) => {
    expect(formatTime(t, lang, tz)).toBe(text);
  });

  it('counts calendar days on the local wall clock, across midnight', () => {
    expect(calendarDaysBetween(t, Date.parse('2026-11-24T23:30:00Z'), 'Europe/Warsaw')).toBe(1);
    expect(calendarDaysBetween(t, Date.parse('2026-11-24T22:30:00Z'), 'Europe/Warsaw')).toBe(0);
  });

  it.each([
    ['pl', '2026-11-24T21:30:00Z', 'dzisiaj, 22:30'],
    ['it', '2026-11-25T07:00:00Z', 'domani, 08:00'],
    ['en', '2026-11-25T07:00:00Z', 'tomorrow, 08:00'],
    ['de', '2026-11-27T07:00:00Z', 'Freitag, 27. November, 08:00'],
  ])('formatWhen in %s', (lang, at, text) => {
    expect(formatWhen(Date.parse(at), t, lang, 'Europe/Warsaw')).toBe(text);
  });

  it.each([
    [null, 'en-GB'],
    ['en', 'en-GB'],
    ['pl-PL', 'pl'],
    ['UK', 'uk'],
  ])('intlLocale(%s) = %s', (lang, locale) => {
    expect(intlLocale(lang)).toBe(locale);
  });
});
