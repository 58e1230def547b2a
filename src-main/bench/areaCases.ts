import { clinicDate } from '../domain/settings/clinicSettings';
import { addDays } from '../domain/hours/zonedTime';
import { precomputeDays } from '../domain/stats/dayPrecompute';
import type { BenchCase, BenchEnv } from './benchCase';
import { importStallCase } from './importStall';

/**
 * The manager's and the campaign screens' hot paths, measured like the core cases: through the app's own
 * dispatch (the host's code for `stats.report` and `segments.count`), then over HTTP, with their plans.
 * Targets at 1M messages: a day < 50 ms, 30 days < 300 ms (stats issue); a segment count is reported. Closed days
 * are stored once computed (migration 170): the day case computes each of its days the first time, the 30-day case
 * then reads them, and the "no day stored yet" case shows what computing them all costs.
 */
const today = (env: BenchEnv): string => clinicDate(env.db, env.facts.now);

export const areaCases: BenchCase[] = [
  {
    name: 'stats.report one day (with the day before)',
    targetMs: 50,
    runs: 30,
    method: 'stats.report',
    // A different day each run (the last 30), so no cached answer can flatter the figure.
    params: (i, env) => ({ kind: 'day', date: addDays(today(env), -(i % 30)) }),
    plans: true,
  },
  {
    name: 'stats.report 30-day range',
    targetMs: 300,
    runs: 10,
    method: 'stats.report',
    params: (i, env) => ({ kind: 'range', from: addDays(today(env), -29 - (i % 7)), to: addDays(today(env), -(i % 7)), compare: false }),
    plans: true,
  },
  {
    // The same range with no closed day stored yet (the first report after an upgrade, or after a settings change):
    // every day computed from its rows and then stored. Reported, not judged: it happens once per day.
    name: 'stats.report 30-day range, no day stored yet',
    targetMs: null,
    runs: 5,
    run: (i, env) => {
      env.db.exec('DELETE FROM stats_days');
      return env.app.call('stats.report', { kind: 'range', from: addDays(today(env), -29 - (i % 7)), to: addDays(today(env), -(i % 7)), compare: false });
    },
  },
  {
    // One slice of the desk's background filler (domain/stats/dayPrecompute.ts): what a call arriving during it
    // waits at most. Reported, not judged.
    name: 'stats background: one closed day computed and stored',
    targetMs: null,
    runs: 20,
    run: (i, env) => {
      const date = addDays(today(env), -1 - (i % 30));
      env.db.prepare('DELETE FROM stats_days WHERE date = ?').run(date);
      if (!precomputeDays(env.db, env.facts.now, [date])) throw new Error(`stats background: ${date} was not stored`);
    },
  },
  {
    name: 'segments.count (women over 30, 3+ visits in 2 months, marketing consent)',
    targetMs: null,
    runs: 20,
    method: 'segments.count',
    params: (_i, env) => ({
      definition: { sex: ['f'], ageMin: 30, visitsInPeriod: { min: 3, from: addDays(today(env), -61), to: today(env) }, marketingConsent: true },
    }),
    plans: true,
  },
  {
    // A segment with no rule about visits or consents (age, sex, tags) is about every patient: its plan reads the
    // patients table once, by design (repositories/segments.ts), and the plan printout says so instead of failing.
    name: 'segments.count (women over 30, vip: all patients)',
    targetMs: null,
    runs: 20,
    method: 'segments.count',
    params: () => ({ definition: { sex: ['f'], ageMin: 30, tags: ['vip'] } }),
    plans: true,
    scanAllowed: { table: 'patients', why: 'a segment with no visit or consent rule is about every patient: one pass over patients is its answer' },
  },
  // Last: it adds 50,000 calls to the bench's copy of the database.
  importStallCase,
];
