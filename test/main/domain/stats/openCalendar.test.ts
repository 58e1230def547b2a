import { describe, expect, it } from 'vitest';
import { minutesOf, rangesOn } from '../../../../src-main/domain/hours/businessHours';
import { addDays, localParts, zonedToUtc } from '../../../../src-main/domain/hours/zonedTime';
import { openCalendar } from '../../../../src-main/domain/stats/openCalendar';
import { WEEKDAY_HOURS, at } from './statsFixture';

describe('openCalendar', () => {
  it.each(['Europe/Rome', 'Europe/Warsaw', 'Europe/London', 'Asia/Kolkata'])('places every instant of 2026 in the same local date and hour as Intl does (%s)', (timeZone) => {
    const cal = openCalendar({ ...WEEKDAY_HOURS, timeZone });
    const start = Date.UTC(2026, 0, 1);
    for (let t = start; t < Date.UTC(2027, 0, 1); t += 37 * 60_000 + 13_000) {
      const lp = localParts(t, timeZone);
      const shifted = new Date(cal.localMs(t));
      const slot = cal.slotOf(t);
      if (shifted.toISOString().slice(0, 10) !== lp.date || shifted.getUTCHours() !== Math.floor(lp.minute / 60)) expect({ t, local: shifted.toISOString() }).toEqual({ t, local: lp });
      if (slot.date !== lp.date || slot.hour !== Math.floor(lp.minute / 60)) expect({ t, ...slot }).toEqual({ t, date: lp.date, hour: Math.floor(lp.minute / 60) });
    }
  });

  it('counts open time across days and a holiday-free weekend', () => {
    const cal = openCalendar(WEEKDAY_HOURS);
    expect(cal.openMsBetween(at('2026-03-13', '18:00'), at('2026-03-16', '09:00'))).toBe(2 * 3_600_000); // Fri 18–19 + Mon 8–9
    expect(cal.openMsBetween(at('2026-03-14', '10:00'), at('2026-03-14', '12:00'))).toBe(0); // Saturday
    expect(cal.closingOf('2026-03-14')).toBeNull();
    expect(cal.isOpenAt(at('2026-03-13', '18:59'))).toBe(true);
    expect(cal.isOpenAt(at('2026-03-13', '19:00'))).toBe(false);
  });

  // openMsBetween adds running totals per local day; the reference walks the dates one by one, as the definition reads.
  it.each(['Europe/Rome', 'Europe/London', 'Asia/Kolkata'])('open time between random instants equals a day-by-day walk, DST days included (%s)', (timeZone) => {
    const hours = { ...WEEKDAY_HOURS, timeZone, publicHolidays: ['IT' as const] };
    const cal = openCalendar(hours);
    const walk = (a: number, b: number): number => {
      let total = 0;
      for (let d = addDays(localParts(a, timeZone).date, -1); d <= localParts(b, timeZone).date; d = addDays(d, 1))
        for (const r of rangesOn(hours, d)) total += Math.max(0, Math.min(zonedToUtc(d, minutesOf(r.to), timeZone), b) - Math.max(zonedToUtc(d, minutesOf(r.from), timeZone), a));
      return total;
    };
    let seed = 7;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    // Around both 2026 DST changes and Italy's Easter Monday, forwards and (for a fresh calendar) backwards in time.
    for (const base of [Date.UTC(2026, 2, 20), Date.UTC(2026, 9, 20), Date.UTC(2026, 0, 5)]) {
      for (let i = 0; i < 150; i++) {
        const a = base + Math.floor(rand() * 20 * 86_400_000);
        const b = a + Math.floor(rand() * (i % 10 === 0 ? 40 : 2) * 86_400_000);
        expect(cal.openMsBetween(a, b)).toBe(walk(a, b));
      }
    }
  });
});
