/**
 * When the clinic may send automatic messages: between the window's local times, on days it is open
 * (weekly hours, public holidays, closures). Pure; DST is handled by zonedToUtc (a 09:00 is a 09:00 on
 * the wall clock whatever the offset that day).
 */
import { minutesOf, rangesOn, type BusinessHours } from '../hours/businessHours';
import { addDays, localParts, zonedToUtc } from '../hours/zonedTime';

export interface SendingWindow {
  from: string;
  to: string;
}

const HORIZON_DAYS = 14;

function bounds(date: string, w: SendingWindow, tz: string): { start: number; end: number } {
  return { start: zonedToUtc(date, minutesOf(w.from), tz), end: zonedToUtc(date, minutesOf(w.to), tz) };
}

const openDay = (hours: BusinessHours, date: string): boolean => rangesOn(hours, date).length > 0;

/** The first allowed instant at or after `t`, or null when none within two weeks. */
export function nextAllowed(t: number, w: SendingWindow, hours: BusinessHours): number | null {
  let date = localParts(t, hours.timeZone).date;
  for (let i = 0; i < HORIZON_DAYS; i++, date = addDays(date, 1)) {
    if (!openDay(hours, date)) continue;
    const { start, end } = bounds(date, w, hours.timeZone);
    if (t < start) return start;
    if (t < end) return t;
  }
  return null;
}

/** The last allowed instant at or before `t` (one minute before the window closes at most), or null. */
export function previousAllowed(t: number, w: SendingWindow, hours: BusinessHours): number | null {
  let date = localParts(t, hours.timeZone).date;
  for (let i = 0; i < HORIZON_DAYS; i++, date = addDays(date, -1)) {
    if (!openDay(hours, date)) continue;
    const { start, end } = bounds(date, w, hours.timeZone);
    if (t >= end) return end - 60_000;
    if (t >= start) return t;
  }
  return null;
}

export function isAllowed(t: number, w: SendingWindow, hours: BusinessHours): boolean {
  return nextAllowed(t, w, hours) === t;
}
