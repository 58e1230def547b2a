/**
 * Closed days computed in the background, so the first report after an upgrade, an hours change or a quiet night
 * reads stored days instead of computing each one (~5 ms a day at 1,000,000 messages: 155 ms for 30 days).
 *
 * A pass looks for the closed days of the last `daysBack` clinic dates (the clinic's calendar, not UTC's: today is
 * never stored) missing from stats_days under the current basis, newest first, and computes them `sliceDays` at a
 * time with a pause between slices, so a desk's call never waits for more than one slice. Each slice runs the
 * report's own code (dayStore.periodDays) in a deferred transaction: the reads take no lock, the write lock is held
 * only for the insert, and if another connection wrote in between (an import thread), SQLite refuses the write
 * (SQLITE_BUSY_SNAPSHOT) and the days are tried again a little later, so a stored day is never older than a
 * write to it; the triggers of migration 170 keep dropping the days a later write touches.
 *
 * Passes run a little after start, after each clinic midnight (yesterday became a closed day) and every hour (an
 * hours or time-zone change makes every stored day of the old basis stale). Timers are injected for tests.
 */
import type { Db } from '../../db/database';
import { storedStatsDates } from '../../db/repositories/statsDays';
import type { Clock } from '../shared/clock';
import { backgroundTimers, type Timers } from '../shared/timers';
import { getBusinessHours } from '../hours/hoursService';
import { addDays, localParts, zonedToUtc } from '../hours/zonedTime';
import { dayBasis, periodDays } from './dayStore';
import { openCalendar } from './openCalendar';

export interface PrecomputeOptions {
  db: Db;
  clock: Clock;
  timers?: Timers;
  /** How many closed days back are kept ready: a year and the month before it (a year's report compared). */
  daysBack?: number;
  sliceDays?: number;
  /** Pause between two slices (ms): the desk's calls run in it. */
  gapMs?: number;
  firstAfterMs?: number;
  checkEveryMs?: number;
  /** After a clinic midnight, wait this long: the last minutes' writes of the day before settle first. */
  afterMidnightMs?: number;
  onError?: (err: unknown) => void;
}

export const PRECOMPUTE_DEFAULTS = { daysBack: 400, sliceDays: 1, gapMs: 250, firstAfterMs: 30_000, checkEveryMs: 3_600_000, afterMidnightMs: 5 * 60_000 };

export interface StatsPrecompute {
  stop(): void;
}

/** The closed clinic dates of the last `daysBack` not stored under the current basis, newest first. */
export function missingClosedDays(db: Db, now: number, daysBack: number): string[] {
  const hours = getBusinessHours(db);
  const today = localParts(now, hours.timeZone).date;
  const from = addDays(today, -daysBack);
  const to = addDays(today, -1);
  const stored = storedStatsDates(db, from, to, dayBasis(hours, hours.timeZone));
  const out: string[] = [];
  for (let d = to; d >= from; d = addDays(d, -1)) if (!stored.has(d)) out.push(d);
  return out;
}

/** Computes and stores `dates` (closed days) with the report's code; false when another writer came in between. */
export function precomputeDays(db: Db, now: number, dates: readonly string[]): boolean {
  const hours = getBusinessHours(db);
  const cal = openCalendar(hours);
  const sorted = [...dates].sort();
  try {
    db.transaction(() => periodDays({ db, cal, hours, timeZone: hours.timeZone, now }, sorted)).deferred();
    return true;
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) return false;
    throw err;
  }
}

export function startStatsPrecompute(o: PrecomputeOptions): StatsPrecompute {
  const c = { ...PRECOMPUTE_DEFAULTS, ...o };
  const timers: Timers = o.timers ?? backgroundTimers;
  let handle: unknown = null;
  let stopped = false;
  const schedule = (ms: number): void => {
    if (!stopped) handle = timers.setTimeout(step, ms);
  };
  /** The next pass: after the next clinic midnight, or within the hour, whichever comes first. */
  const nextCheck = (now: number): number => {
    const { timeZone } = getBusinessHours(o.db);
    const midnight = zonedToUtc(addDays(localParts(now, timeZone).date, 1), 0, timeZone);
    return Math.max(0, Math.min(midnight + c.afterMidnightMs - now, c.checkEveryMs));
  };
  function step(): void {
    handle = null;
    if (stopped || !o.db.open) return;
    const now = o.clock.now();
    try {
      const missing = missingClosedDays(o.db, now, c.daysBack);
      if (!missing.length) return schedule(nextCheck(now));
      // Refused (another writer came in between, an import thread): try again a little later, not in a tight loop.
      schedule(precomputeDays(o.db, now, missing.slice(0, c.sliceDays)) ? c.gapMs : c.firstAfterMs);
    } catch (err) {
      (o.onError ?? ((e) => console.error('[stats] background day computation failed; next pass within the hour', e)))(err);
      schedule(c.checkEveryMs);
    }
  }
  if (o.db.readonly) return { stop: () => undefined };
  schedule(c.firstAfterMs);
  return {
    stop() {
      stopped = true;
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
    },
  };
}
