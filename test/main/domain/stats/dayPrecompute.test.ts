import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src-main/db/database';
import type { Db } from '../../../../src-main/db/database';
import { ManualClock } from '../../../../src-main/domain/shared/clock';
import { getBusinessHours, saveBusinessHours } from '../../../../src-main/domain/hours/hoursService';
import { addDays } from '../../../../src-main/domain/hours/zonedTime';
import { updateClinicSettings } from '../../../../src-main/domain/settings/clinicSettings';
import { dayBasis } from '../../../../src-main/domain/stats/dayStore';
import { missingClosedDays, precomputeDays, startStatsPrecompute } from '../../../../src-main/domain/stats/dayPrecompute';
import type { Timers } from '../../../../src-main/domain/shared/timers';
import { resolvePeriod } from '../../../../src-main/domain/stats/periods';
import { buildReport } from '../../../../src-main/domain/stats/statsService';
import { DAY, writeFixtureDay } from './fixtureDay';
import { ZONE, at, conversation, memoryDb, msg } from './statsFixture';

/** Timers driven by hand: `fire()` runs the one pending callback (the filler keeps at most one). */
function fakeTimers(): Timers & { pending: { fn: () => void; ms: number } | null; fire: () => number; cleared: number } {
  const t = {
    pending: null as { fn: () => void; ms: number } | null,
    cleared: 0,
    setTimeout(fn: () => void, ms: number) {
      if (t.pending) throw new Error('two timers pending');
      t.pending = { fn, ms };
      return t.pending;
    },
    clearTimeout(h: unknown) {
      if (h === t.pending) t.pending = null;
      t.cleared++;
    },
    fire() {
      const p = t.pending!;
      t.pending = null;
      p.fn();
      return p.ms;
    },
  };
  return t;
}

const storedDates = (db: Db): string[] => (db.prepare('SELECT date FROM stats_days ORDER BY date').all() as { date: string }[]).map((r) => r.date);
const OPTS = { daysBack: 5, sliceDays: 2, gapMs: 250, firstAfterMs: 30_000, checkEveryMs: 3_600_000, afterMidnightMs: 300_000 };

describe('closed days computed in the background', () => {
  it('waits after start, then fills the last closed days newest first in small slices, never today, and sleeps until after midnight', () => {
    const db = writeFixtureDay(memoryDb());
    const now = at(addDays(DAY, 3), '10:00'); // Friday 13 March, 10:00 in Rome
    const clock = new ManualClock(now);
    const timers = fakeTimers();
    const p = startStatsPrecompute({ db, clock, timers, ...OPTS });
    expect(timers.pending!.ms).toBe(30_000);
    expect(storedDates(db)).toEqual([]);

    timers.fire();
    expect(storedDates(db)).toEqual([addDays(DAY, 1), addDays(DAY, 2)]); // the newest two closed days first
    expect(timers.pending!.ms).toBe(250);
    timers.fire();
    expect(storedDates(db)).toEqual([-1, 0, 1, 2].map((d) => addDays(DAY, d)));
    timers.fire();
    expect(storedDates(db)).toEqual([-2, -1, 0, 1, 2].map((d) => addDays(DAY, d)));
    // Nothing missing: the next pass 5 minutes after Rome's midnight (14 hours away, so the hourly check comes first).
    timers.fire();
    expect(timers.pending!.ms).toBe(3_600_000);
    clock.set(at(addDays(DAY, 3), '23:30'));
    timers.fire();
    expect(timers.pending!.ms).toBe(35 * 60_000);

    // After midnight yesterday (Friday) is closed: one slice stores it (and the window moved on by a day).
    clock.set(at(addDays(DAY, 4), '00:05'));
    timers.fire();
    expect(storedDates(db)).toContain(addDays(DAY, 3));
    expect(storedDates(db)).not.toContain(addDays(DAY, 4));
    p.stop();
    db.close();
  });

  it('stores exactly what the report computes from the rows, and the triggers still drop a day a late write touches', () => {
    const db = writeFixtureDay(memoryDb());
    const clock = new ManualClock(at(addDays(DAY, 2), '09:00'));
    const timers = fakeTimers();
    const p = startStatsPrecompute({ db, clock, timers, ...OPTS, sliceDays: 10 });
    timers.fire();
    expect(storedDates(db)).toEqual([-3, -2, -1, 0, 1].map((d) => addDays(DAY, d)));
    const range = resolvePeriod({ kind: 'range', from: addDays(DAY, -3), to: addDays(DAY, 1) }, DAY, ZONE);
    const computed = () => buildReport({ db }, range);
    expect(buildReport({ db, now: clock.now() }, range)).toEqual(computed());

    // A late history sync on a stored day: the trigger drops it, the next pass computes it again with the message.
    msg(db, conversation(db, 'Late', at(DAY, '11:00')), at(DAY, '12:00'), { dir: 'in' });
    expect(storedDates(db)).not.toContain(DAY);
    timers.fire(); // the pass that found nothing missing had scheduled the next check; it finds DAY now
    expect(storedDates(db)).toContain(DAY);
    expect(buildReport({ db, now: clock.now() }, range)).toEqual(computed());
    p.stop();
    db.close();
  });

  it("uses the clinic's day, not UTC's: at 22:00 in New York (03:00 UTC the next day) that day is still open", () => {
    const db = memoryDb();
    updateClinicSettings(db, { timeZone: 'America/New_York' });
    const now = Date.UTC(2026, 10, 29, 3, 0); // 28 November 22:00 in New York, 29 November in UTC
    expect(missingClosedDays(db, now, 3)).toEqual(['2026-11-27', '2026-11-26', '2026-11-25']);
    const clock = new ManualClock(now);
    const timers = fakeTimers();
    const p = startStatsPrecompute({ db, clock, timers, ...OPTS, sliceDays: 10, checkEveryMs: 6 * 3_600_000 });
    timers.fire();
    expect(storedDates(db)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
    // Next pass: 5 minutes after New York's midnight (05:00 UTC), two hours and five minutes away.
    timers.fire();
    expect(timers.pending!.ms).toBe(2 * 3_600_000 + 5 * 60_000);
    p.stop();
    db.close();
  });

  it('an hours change makes every stored day stale: the next pass computes them again under the new basis', () => {
    const db = writeFixtureDay(memoryDb());
    const clock = new ManualClock(at(addDays(DAY, 2), '09:00'));
    const timers = fakeTimers();
    const p = startStatsPrecompute({ db, clock, timers, ...OPTS, sliceDays: 10 });
    timers.fire();
    timers.fire();
    const old = getBusinessHours(db);
    const { timeZone: _z, ...rest } = old;
    saveBusinessHours(db, { ...rest, weekly: { ...rest.weekly, sat: [{ from: '09:00', to: '12:00' }] } });
    expect(missingClosedDays(db, clock.now(), 5)).toHaveLength(5);
    timers.fire();
    const bases = db.prepare('SELECT DISTINCT basis FROM stats_days').all() as { basis: string }[];
    expect(bases).toEqual([{ basis: dayBasis(getBusinessHours(db), ZONE) }]);
    p.stop();
    db.close();
  });

  it('stops on shutdown: the pending timer is cleared and a late callback does nothing', () => {
    const db = writeFixtureDay(memoryDb());
    const timers = fakeTimers();
    const p = startStatsPrecompute({ db, clock: new ManualClock(at(addDays(DAY, 2), '09:00')), timers, ...OPTS });
    const pending = timers.pending!;
    p.stop();
    expect(timers.pending).toBeNull();
    expect(timers.cleared).toBe(1);
    pending.fn();
    expect(storedDates(db)).toEqual([]);
    expect(timers.pending).toBeNull();
    db.close();
  });

  it('never stores a day another connection wrote to while it was computed: the write is refused and tried later', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stats-precompute-'));
    const file = path.join(dir, 'db.sqlite3');
    const db = writeFixtureDay(openDatabase(file));
    const other = openDatabase(file); // an import thread's connection
    const now = at(addDays(DAY, 2), '09:00');
    // Right when the filler prepares its insert (its figures already read), the other connection writes to that day.
    const prepare = db.prepare;
    db.prepare = ((sql: string) => {
      if (sql.includes('INSERT INTO stats_days')) msg(other, conversation(other, 'Import', at(DAY, '08:00')), at(DAY, '08:30'), { dir: 'in' });
      return prepare.call(db, sql);
    }) as Db['prepare'];
    expect(precomputeDays(db, now, [DAY])).toBe(false);
    db.prepare = prepare;
    expect(storedDates(db)).toEqual([]);
    // Tried again: now it reads the imported message and keeps the day.
    expect(precomputeDays(db, now, [DAY])).toBe(true);
    const range = resolvePeriod({ kind: 'day', date: DAY }, DAY, ZONE);
    expect(buildReport({ db, now }, range)).toEqual(buildReport({ db }, range));
    other.close();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
