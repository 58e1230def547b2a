/**
 * The statistics benchmark: a day report and a 30-day range report on a given database, through the very
 * function the API, the CLI and the screen use (statsFor). Targets at 1,000,000 messages: a day < 50 ms, 30 days
 * < 300 ms. Also the query plans of every statement a report runs, captured as it runs (the plans of the shipped
 * SQL, not of a copy). Plug into `clinic-desk bench` with `benchStats(app.ctx.db, { now })`.
 */
import type { Db } from '../db/database';
import { getClinicSettings } from '../domain/settings/clinicSettings';
import { addDays, localParts } from '../domain/hours/zonedTime';
import { statsFor } from '../domain/stats/statsService';
import { measure, type Measurement } from './measure';

export interface StatsBenchResult {
  /** Wall time, and the CPU time of this process per run (p50/p95): on a busy machine the CPU time shows the work itself. */
  results: Array<Measurement & { cpuMedianMs: number; cpuP95Ms: number }>;
  plans: Array<{ sql: string; plan: string[]; fullScan: boolean }>;
}

export function benchStats(db: Db, o: { now: number; runs?: number }): StatsBenchResult {
  const runs = o.runs ?? 20;
  const { timeZone } = getClinicSettings(db);
  const today = localParts(o.now, timeZone).date;
  const deps = { db, timeZone, today };
  // A different day each run (the last 30 days), so one cached answer cannot flatter the figure.
  const results = [
    timed('stats: one day', runs, (i) => statsFor(deps, { kind: 'day', date: addDays(today, -(i % 30)), compare: false })),
    timed('stats: one day + the day before', runs, (i) => statsFor(deps, { kind: 'day', date: addDays(today, -(i % 30)) })),
    timed('stats: 30-day range', runs, (i) => statsFor(deps, { kind: 'range', from: addDays(today, -29 - (i % 7)), to: addDays(today, -(i % 7)), compare: false })),
    timed('stats: 30-day range + the 30 days before', Math.max(3, Math.floor(runs / 2)), (i) =>
      statsFor(deps, { kind: 'range', from: addDays(today, -29 - (i % 7)), to: addDays(today, -(i % 7)) }),
    ),
  ];
  return { results, plans: statsPlans(db, () => statsFor(deps, { kind: 'range', from: addDays(today, -29), to: today })) };
}

function timed(name: string, runs: number, fn: (i: number) => unknown): StatsBenchResult['results'][number] {
  const cpu: number[] = [];
  const m = measure(name, runs, (i) => {
    const before = process.cpuUsage();
    fn(i);
    const used = process.cpuUsage(before);
    if (i > 0) cpu.push((used.user + used.system) / 1000);
  });
  cpu.sort((a, b) => a - b);
  const q = (x: number): number => Math.round(cpu[Math.min(cpu.length - 1, Math.floor(x * cpu.length))]! * 100) / 100;
  return { ...m, cpuMedianMs: q(0.5), cpuP95Ms: q(0.95) };
}

/** Runs fn with every prepared statement recorded (with its first parameters), then explains each. */
export function statsPlans(db: Db, fn: () => unknown): StatsBenchResult['plans'] {
  const seen = new Map<string, unknown[]>();
  const prepare = db.prepare;
  db.prepare = ((sql: string) => {
    const st = prepare.call(db, sql);
    return new Proxy(st, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver) as unknown;
        if (prop === 'get' || prop === 'all' || prop === 'run') {
          return (...params: unknown[]) => {
            if (!seen.has(sql)) seen.set(sql, params);
            return (v as (...p: unknown[]) => unknown).apply(target, params);
          };
        }
        if (prop === 'raw') {
          return (...a: unknown[]) => {
            (v as (...p: unknown[]) => unknown).apply(target, a);
            return receiver;
          };
        }
        return typeof v === 'function' ? (v as (...p: unknown[]) => unknown).bind(target) : v;
      },
    });
  }) as Db['prepare'];
  try {
    fn();
  } finally {
    db.prepare = prepare;
  }
  return [...seen].map(([sql, params]) => {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
    return { sql: sql.replace(/\s+/g, ' ').trim(), plan, fullScan: plan.some((d) => /^SCAN (?!CONSTANT ROW)(?!.* USING )(?!.*VIRTUAL TABLE)(?!j\b)/.test(d)) };
  });
}
