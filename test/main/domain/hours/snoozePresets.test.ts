import { describe, expect, it } from 'vitest';
import { defaultBusinessHours, type BusinessHours } from '../../../../src-main/domain/hours/businessHours';
import { snoozePresets } from '../../../../src-main/domain/hours/snoozePresets';

// Rome and Warsaw defaults: Mon–Fri 08:00–19:00, Sat 08:30–13:00, Sunday closed, national holidays.
const rome: BusinessHours = {
  ...defaultBusinessHours('IT', 'Europe/Rome'),
  closures: [{ from: '2026-08-10', to: '2026-08-21', label: 'Ferie estive' }],
};
const warsaw = defaultBusinessHours('PL', 'Europe/Warsaw');

type Row = [name: string, hours: BusinessHours, now: string, expected: Array<[key: string, at: string, weekday: string]>];

const cases: Row[] = [
  ['Saturday morning: no Sunday, Monday is both next opening and next week', rome, '2026-11-28T09:00:00Z', [
    ['hour1', '2026-11-28T10:00:00.000Z', 'sat'],
    ['hour3', '2026-11-28T12:00:00.000Z', 'sat'],
    ['nextOpening', '2026-11-30T07:00:00.000Z', 'mon'],
  ]],
  ['Sunday: "tomorrow morning" and "Monday morning" collapse into one Monday entry', rome, '2026-11-29T14:00:00Z', [
    ['hour1', '2026-11-29T15:00:00.000Z', 'sun'],
    ['hour3', '2026-11-29T17:00:00.000Z', 'sun'],
    ['nextOpening', '2026-11-30T07:00:00.000Z', 'mon'],
  ]],
  ['Friday: tomorrow is Saturday at 08:30, next week Monday at 08:00', rome, '2026-12-04T09:00:00Z', [
    ['hour1', '2026-12-04T10:00:00.000Z', 'fri'],
    ['hour3', '2026-12-04T12:00:00.000Z', 'fri'],
    ['tomorrow', '2026-12-05T07:30:00.000Z', 'sat'],
    ['nextWeek', '2026-12-07T07:00:00.000Z', 'mon'],
  ]],
  ['day before a holiday (Immacolata, Tue 8 Dec): the next opening is Wednesday', rome, '2026-12-07T17:00:00Z', [
    ['hour1', '2026-12-07T18:00:00.000Z', 'mon'],
    ['hour3', '2026-12-07T20:00:00.000Z', 'mon'],
    ['nextOpening', '2026-12-09T07:00:00.000Z', 'wed'],
    ['nextWeek', '2026-12-14T07:00:00.000Z', 'mon'],
  ]],
  ['Polish Christmas (24–26 Dec) then Sunday: next opening Monday 28, also next week', warsaw, '2026-12-23T16:00:00Z', [
    ['hour1', '2026-12-23T17:00:00.000Z', 'wed'],
    ['hour3', '2026-12-23T19:00:00.000Z', 'wed'],
    ['nextOpening', '2026-12-28T07:00:00.000Z', 'mon'],
  ]],
  ['clinic closure: next week starts with the summer closure, so its first open day is Saturday 22', rome, '2026-08-07T14:00:00Z', [
    ['hour1', '2026-08-07T15:00:00.000Z', 'fri'],
    ['hour3', '2026-08-07T17:00:00.000Z', 'fri'],
    ['tomorrow', '2026-08-08T06:30:00.000Z', 'sat'],
    ['nextWeek', '2026-08-22T06:30:00.000Z', 'sat'],
  ]],
  ['DST starts (Sun 29 Mar): Monday 08:00 is already summer time (06:00Z)', rome, '2026-03-29T08:00:00Z', [
    ['hour1', '2026-03-29T09:00:00.000Z', 'sun'],
    ['hour3', '2026-03-29T11:00:00.000Z', 'sun'],
    ['nextOpening', '2026-03-30T06:00:00.000Z', 'mon'],
  ]],
  ['DST ends (Sun 25 Oct), late evening: 3 h later is past midnight in winter time', rome, '2026-10-25T21:00:00Z', [
    ['hour1', '2026-10-25T22:00:00.000Z', 'sun'],
    ['hour3', '2026-10-26T00:00:00.000Z', 'mon'],
    ['nextOpening', '2026-10-26T07:00:00.000Z', 'mon'],
  ]],
  ['late evening 23:30 on a Wednesday: "tomorrow" is the clinic\'s Thursday, whatever the PC zone', rome, '2026-12-02T22:30:00Z', [
    ['hour1', '2026-12-02T23:30:00.000Z', 'thu'],
    ['hour3', '2026-12-03T01:30:00.000Z', 'thu'],
    ['tomorrow', '2026-12-03T07:00:00.000Z', 'thu'],
    ['nextWeek', '2026-12-07T07:00:00.000Z', 'mon'],
  ]],
];

describe('snoozePresets', () => {
  it.each(cases)('%s', (_name, hours, now, expected) => {
    const got = snoozePresets(Date.parse(now), hours).map((p) => [p.key, new Date(p.at).toISOString(), p.weekday]);
    expect(got).toEqual(expected);
  });

  it('never offers two presets at the same instant, and all lie in the future', () => {
    // Every quarter hour of a fortnight that spans a weekend, a holiday and a DST change.
    const start = Date.parse('2026-10-19T00:00:00Z');
    for (let t = start; t < start + 14 * 86_400_000; t += 15 * 60_000) {
      const at = snoozePresets(t, rome).map((p) => p.at);
      expect(new Set(at).size).toBe(at.length);
      expect(at.every((x) => x > t)).toBe(true);
    }
  });

  it('a clinic with no opening hours still offers the hour presets', () => {
    const never: BusinessHours = { ...rome, weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } };
    expect(snoozePresets(Date.parse('2026-12-02T10:00:00Z'), never).map((p) => p.key)).toEqual(['hour1', 'hour3']);
  });
});
