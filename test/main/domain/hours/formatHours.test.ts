import { describe, expect, it } from 'vitest';
import { defaultBusinessHours, type BusinessHours } from '../../../../src-main/domain/hours/businessHours';
import { formatWeeklyHours } from '../../../../src-main/domain/hours/formatHours';

const standard = defaultBusinessHours('IT', 'Europe/Rome');

describe('formatWeeklyHours', () => {
  it.each([
    ['it', 'lun–ven 08:00–19:00; sab 08:30–13:00'],
    ['pl', 'pon.–pt. 08:00–19:00; sob. 08:30–13:00'],
    ['en-GB', 'Mon–Fri 08:00–19:00; Sat 08:30–13:00'],
    ['de', 'Mo–Fr 08:00–19:00; Sa 08:30–13:00'],
  ])('%s', (locale, text) => {
    expect(formatWeeklyHours(standard, locale)).toBe(text);
  });

  it('splits non-consecutive days and lists lunch breaks', () => {
    const hours: BusinessHours = {
      ...standard,
      weekly: {
        mon: [{ from: '08:00', to: '13:00' }, { from: '14:00', to: '18:00' }],
        tue: [],
        wed: [{ from: '08:00', to: '13:00' }, { from: '14:00', to: '18:00' }],
        thu: [{ from: '08:00', to: '13:00' }, { from: '14:00', to: '18:00' }],
        fri: [{ from: '09:00', to: '12:00' }],
        sat: [],
        sun: [],
      },
    };
    expect(formatWeeklyHours(hours, 'it')).toBe('lun 08:00–13:00, 14:00–18:00; mer–gio 08:00–13:00, 14:00–18:00; ven 09:00–12:00');
  });
});
