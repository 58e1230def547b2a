/**
 * A period's days for the report: a day that ended before now is computed once and kept in stats_days (migration
 * 170, whose triggers drop it when a write touches it, a late reply to one of its waits included); today, future days and days of another basis are computed
 * from their messages and calls, with the same code (dayFigures.ts).
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../db/database';
import { callsInRange } from '../../db/repositories/statsActivity';
import { storedStatsDays, storeStatsDays } from '../../db/repositories/statsDays';
import { messagesInRange, waitsStartedIn } from '../../db/repositories/statsMessages';
import type { BusinessHours } from '../hours/businessHours';
import { addDays, zonedToUtc } from '../hours/zonedTime';
import { DAY_FIGURES_VERSION, dayFigures, type DayFigures } from './dayFigures';
import type { OpenCalendar } from './openCalendar';

export interface DayStoreDeps {
  db: Db;
  cal: OpenCalendar;
  /** With the time zone, what a stored day's figures depend on (closing times, local hours). */
  hours: BusinessHours;
  timeZone: string;
  /** Absent: nothing is read from or written to the store. */
  now: number | undefined;
}

/** What a stored day was computed under: a row of another basis is recomputed. */
export function dayBasis(hours: BusinessHours, timeZone: string): string {
  return createHash('sha256').update(JSON.stringify({ v: DAY_FIGURES_VERSION, timeZone, hours })).digest('base64url').slice(0, 22);
}

/** The figures of each date (in order), from the store where it holds them. */
export function periodDays(deps: DayStoreDeps, dates: readonly string[]): Array<[string, DayFigures]> {
  const { db, cal, now, timeZone } = deps;
  if (!dates.length) return [];
  const basis = dayBasis(deps.hours, timeZone);
  const stored = now === undefined ? new Map<string, string>() : storedStatsDays(db, dates[0]!, dates[dates.length - 1]!, basis);
  const fresh: { date: string; startMs: number; endMs: number; figures: string }[] = [];
  const out = dates.map((date): [string, DayFigures] => {
    const kept = stored.get(date);
    if (kept !== undefined) return [date, JSON.parse(kept) as DayFigures];
    const startMs = zonedToUtc(date, 0, timeZone);
    const endMs = zonedToUtc(addDays(date, 1), 0, timeZone);
    const waits = waitsStartedIn(db, startMs, endMs).map(([conversationId, startAt, respondedAt]) => ({ conversationId, startAt, respondedAt }));
    const figures = dayFigures(messagesInRange(db, startMs, endMs), callsInRange(db, startMs, endMs), waits, cal, date);
    if (now !== undefined && endMs <= now) fresh.push({ date, startMs, endMs, figures: JSON.stringify(figures) });
    return [date, figures];
  });
  if (now !== undefined) storeStatsDays(db, basis, fresh, now);
  return out;
}
