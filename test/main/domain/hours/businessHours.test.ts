import { describe, expect, it } from 'vitest';
import {
  closesAt,
  defaultBusinessHours,
  isOpenAt,
  nextOpeningAt,
  parseBusinessHours,
  type BusinessHours,
} from '../../../../src-main/domain/hours/businessHours';
import { DeskError } from '../../../../src-main/domain/shared/errors';

const iso = (s: string): number => Date.parse(s);
const show = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());

const rome: BusinessHours = {
  ...defaultBusinessHours('IT', 'Europe/Rome'),
  closures: [{ from: '2026-08-10', to: '2026-08-21', label: 'Ferie estive' }],
};
const warsaw = defaultBusinessHours('PL', 'Europe/Warsaw');
const sundayAllDay: BusinessHours = { ...rome, weekly: { ...rome.weekly, sun: [{ from: '00:00', to: '24:00' }] } };
const overnight: BusinessHours = {
  ...rome,
  weekly: { ...rome.weekly, tue: [{ from: '20:00', to: '24:00' }], wed: [{ from: '00:00', to: '02:00' }] },
};
const withLunch: BusinessHours = {
  ...rome,
  weekly: { ...rome.weekly, mon: [{ from: '14:00', to: '19:00' }, { from: '08:00', to: '13:00' }] },
};

describe('isOpenAt / nextOpeningAt', () => {
  const cases: Array<[string, BusinessHours, string, boolean, string | null]> = [
    // name, hours, instant, open?, next opening
    ['weekday morning (Rome, CET)', rome, '2026-11-24T08:00:00Z', true, '2026-11-24T08:00:00Z'],
    ['one minute before closing', rome, '2026-11-24T17:59:00Z', true, '2026-11-24T17:59:00Z'],
    ['closing instant is closed', rome, '2026-11-24T18:00:00Z', false, '2026-11-25T07:00:00Z'],
    ['before opening', rome, '2026-11-24T06:59:00Z', false, '2026-11-24T07:00:00Z'],
    ['21:00 Warsaw on a Tuesday', warsaw, '2026-11-24T20:00:00Z', false, '2026-11-25T07:00:00Z'],
    ['23:59 local', warsaw, '2026-11-24T22:59:00Z', false, '2026-11-25T07:00:00Z'],
    ['local midnight', warsaw, '2026-11-24T23:00:00Z', false, '2026-11-25T07:00:00Z'],
    ['Friday evening → Saturday 08:30', rome, '2026-11-27T19:00:00Z', false, '2026-11-28T07:30:00Z'],
    ['Saturday 13:00 → Monday', rome, '2026-11-28T12:00:00Z', false, '2026-11-30T07:00:00Z'],
    ['Immacolata (Tuesday) is closed', rome, '2026-12-08T09:00:00Z', false, '2026-12-09T07:00:00Z'],
    ['Christmas Eve closes Poland from 2025', warsaw, '2026-12-23T19:00:00Z', false, '2026-12-28T07:00:00Z'],
    ['Christmas Eve is a working day in Italy', rome, '2026-12-24T09:00:00Z', true, '2026-12-24T09:00:00Z'],
    ['Polish Corpus Christi', warsaw, '2026-06-04T08:00:00Z', false, '2026-06-05T06:00:00Z'],
    ['summer closure', rome, '2026-08-11T08:00:00Z', false, '2026-08-22T06:30:00Z'],
    ['Saturday before spring DST → Monday 08:00 CEST', rome, '2026-03-28T20:00:00Z', false, '2026-03-30T06:00:00Z'],
    ['Saturday before autumn DST → Monday 08:00 CET', rome, '2026-10-24T20:00:00Z', false, '2026-10-26T07:00:00Z'],
    ['open all day on a 23-hour Sunday, after the gap', sundayAllDay, '2026-03-29T01:30:00Z', true, '2026-03-29T01:30:00Z'],
    ['open all day on a 25-hour Sunday, in the repeated hour', sundayAllDay, '2026-10-25T01:30:00Z', true, '2026-10-25T01:30:00Z'],
    ['25-hour Sunday still open a minute before midnight', sundayAllDay, '2026-10-25T22:59:00Z', true, '2026-10-25T22:59:00Z'],
    ['25-hour Sunday ends at local midnight', sundayAllDay, '2026-10-25T23:00:00Z', false, '2026-10-26T07:00:00Z'],
    ['overnight shift before midnight', overnight, '2026-11-24T22:30:00Z', true, '2026-11-24T22:30:00Z'],
    ['overnight shift after midnight', overnight, '2026-11-25T00:30:00Z', true, '2026-11-25T00:30:00Z'],
    ['overnight shift over', overnight, '2026-11-25T01:00:00Z', false, '2026-11-26T07:00:00Z'],
    ['lunch break, ranges given out of order', withLunch, '2026-11-23T12:30:00Z', false, '2026-11-23T13:00:00Z'],
  ];

  it.each(cases)('%s', (_name, hours, at, open, next) => {
    expect(isOpenAt(hours, iso(at))).toBe(open);
    expect(show(nextOpeningAt(hours, iso(at)))).toBe(next === null ? null : new Date(iso(next)).toISOString());
  });

  it('a clinic with no hours never opens', () => {
    const none: BusinessHours = { ...rome, weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } };
    expect(nextOpeningAt(none, iso('2026-11-24T08:00:00Z'))).toBeNull();
    expect(isOpenAt(none, iso('2026-11-24T08:00:00Z'))).toBe(false);
  });

  it('closesAt gives the end of the current period', () => {
    expect(show(closesAt(withLunch, iso('2026-11-23T08:00:00Z')))).toBe('2026-11-23T12:00:00.000Z');
    expect(closesAt(withLunch, iso('2026-11-23T12:30:00Z'))).toBeNull();
    expect(show(closesAt(overnight, iso('2026-11-25T00:30:00Z')))).toBe('2026-11-25T01:00:00.000Z');
  });
});

describe('parseBusinessHours', () => {
  it('accepts the defaults', () => {
    expect(parseBusinessHours(rome)).toEqual(rome);
  });

  const bad: Array<[string, unknown, string]> = [
    ['closing before opening', { ...rome, weekly: { ...rome.weekly, mon: [{ from: '14:00', to: '13:00' }] } }, 'businessHours.weekly.mon.0'],
    ['bad time', { ...rome, weekly: { ...rome.weekly, tue: [{ from: '8:00', to: '13:00' }] } }, 'businessHours.weekly.tue.0.from'],
    [
      'overlap',
      { ...rome, weekly: { ...rome.weekly, wed: [{ from: '08:00', to: '13:00' }, { from: '12:00', to: '19:00' }] } },
      'businessHours.weekly.wed',
    ],
    ['unknown zone', { ...rome, timeZone: 'Europe/Atlantis' }, 'businessHours.timeZone'],
    ['unknown country', { ...rome, publicHolidays: ['XX'] }, 'businessHours.publicHolidays.0'],
    ['impossible date', { ...rome, closures: [{ from: '2026-02-30', to: '2026-03-02', label: '' }] }, 'businessHours.closures.0.from'],
    ['closure backwards', { ...rome, closures: [{ from: '2026-03-05', to: '2026-03-02', label: 'x' }] }, 'businessHours.closures.0.to'],
    ['missing weekday', { ...rome, weekly: { mon: [] } }, 'businessHours.weekly.tue'],
  ];

  it.each(bad)('rejects %s naming the field', (_name, input, field) => {
    let error: unknown;
    try {
      parseBusinessHours(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).field).toBe(field);
    expect((error as DeskError).code).toBe('invalid_input');
  });
});
