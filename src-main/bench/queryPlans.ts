import type { Db } from '../db/database';

export interface QueryPlan {
  sql: string;
  plan: string[];
  /** A step that walks a whole large table (or a whole index of it) instead of seeking: a failure on a clinic's
   *  ten-year database. An index walked in order that stops at LIMIT is fine. */
  suspicious: boolean;
  /** Why this plan may read a whole table (the case says so: a segment about every patient); printed with it. */
  allowed?: string;
}

/**
 * The query plans of every statement `fn` runs (an API call, a worker step), with the parameters it
 * really used. The SQL is read from the repositories as they run, so the plans printed by `bench` are
 * the plans of the code that ships, not of a copy that could drift.
 */
export async function queryPlansOf(db: Db, fn: () => unknown): Promise<QueryPlan[]> {
  const seen = new Map<string, unknown[]>();
  const prepare = db.prepare;
  const RUNS = new Set<PropertyKey>(['get', 'all', 'run', 'iterate']);
  db.prepare = ((sql: string) => {
    const st = prepare.call(db, sql);
    // Every method of the statement stays (raw, pluck, columns…; chained ones return the wrapper again);
    // the ones that run it note the SQL and its parameters first.
    const wrapper: typeof st = new Proxy(st, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (RUNS.has(prop) && !seen.has(sql)) seen.set(sql, args);
          const out = (value as (...a: unknown[]) => unknown).apply(target, args);
          return out === target ? wrapper : out;
        };
      },
    });
    return wrapper;
  }) as Db['prepare'];
  try {
    await fn();
  } finally {
    db.prepare = prepare;
  }
  return [...seen]
    .map(([sql, params]) => {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
      return { sql: sql.replace(/\s+/g, ' ').trim(), plan, suspicious: scansLargeTable(sql, plan) };
    })
    .filter((p) => p.plan.length > 0);
}

/** Tables that grow with the clinic's history; small ones (settings, practitioners, templates) may be scanned. */
export const LARGE_TABLES = ['messages', 'conversations', 'patients', 'patient_identities', 'calls', 'appointments', 'outbox', 'audit_log', 'callback_tasks'];

/**
 * A plan step "SCAN <large table>" (by alias too) reads every row, or every entry of an index when it says
 * USING [COVERING] INDEX: only acceptable when the statement stops early (LIMIT) — an index walked in
 * order. Scans of sub-queries, CTEs and FTS virtual tables (which seek in their own index) are not counted.
 */
export function scansLargeTable(sql: string, plan: string[]): boolean {
  return largeTablesScanned(sql, plan).length > 0;
}

/** The large tables a plan reads whole (see scansLargeTable). */
export function largeTablesScanned(sql: string, plan: string[]): string[] {
  const aliases = new Map<string, string>();
  for (const m of sql.matchAll(/\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?/gi)) {
    const table = m[1]!.toLowerCase();
    aliases.set(table, table);
    if (m[2] && !/^(WHERE|JOIN|ON|LEFT|INNER|ORDER|GROUP|LIMIT|USING|CROSS)$/i.test(m[2])) aliases.set(m[2].toLowerCase(), table);
  }
  const limited = /\bLIMIT\b/i.test(sql);
  return plan.flatMap((d) => {
    const m = /^SCAN (\w+)( USING (COVERING )?INDEX| VIRTUAL TABLE)?/.exec(d);
    if (!m || m[2] === ' VIRTUAL TABLE') return [];
    const table = aliases.get(m[1]!.toLowerCase()) ?? m[1]!.toLowerCase();
    if (!LARGE_TABLES.includes(table)) return [];
    return m[2] && limited ? [] : [table];
  });
}

/** A case's declared exception: plans that scan only `table` are marked allowed (with the reason), not failed. */
export function allowScans(plans: QueryPlan[], allow: { table: string; why: string } | undefined): QueryPlan[] {
  if (!allow) return plans;
  return plans.map((p) => {
    if (!p.suspicious) return p;
    const tables = largeTablesScanned(p.sql, p.plan);
    return tables.every((t) => t === allow.table) ? { ...p, suspicious: false, allowed: allow.why } : p;
  });
}
