import type { Db } from '../db/database';

export interface QueryPlan {
  sql: string;
  plan: string[];
  /** A step that reads a whole table without any index: worth a look on a large database. (An ordered index
   *  scan that stops at LIMIT is fine, and so is a temporary b-tree re-sorting a LIMITed sub-query.) */
  suspicious: boolean;
}

/**
 * The query plans of every statement `fn` runs (an API call, a worker step), with the parameters it
 * really used. The SQL is read from the repositories as they run, so the plans printed by `bench` are
 * the plans of the code that ships, not of a copy that could drift.
 */
export async function queryPlansOf(db: Db, fn: () => unknown): Promise<QueryPlan[]> {
  const seen = new Map<string, unknown[]>();
  const prepare = db.prepare;
  db.prepare = ((sql: string) => {
    const st = prepare.call(db, sql);
    const record = (method: 'get' | 'all' | 'run') => (...params: unknown[]) => {
      if (!seen.has(sql)) seen.set(sql, params);
      return (st[method] as (...p: unknown[]) => unknown)(...params);
    };
    return { ...st, get: record('get'), all: record('all'), run: record('run') } as unknown as ReturnType<Db['prepare']>;
  }) as Db['prepare'];
  try {
    await fn();
  } finally {
    db.prepare = prepare;
  }
  return [...seen]
    .map(([sql, params]) => {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
      // Scans of co-routines, sub-queries and FTS virtual tables read what an index already chose; SCAN … USING INDEX reads in index order.
      return { sql: sql.replace(/\s+/g, ' ').trim(), plan, suspicious: plan.some((d) => /^SCAN (?!CONSTANT ROW|\(|page\b|f\b)(?!.*VIRTUAL TABLE)(?!.* USING )/.test(d)) };
    })
    .filter((p) => p.plan.length > 0);
}
