import type { Db } from '../database';

/** Read-only facts for `clinic-desk doctor`. */
export function databaseFacts(db: Db): { integrity: string; schemaVersion: number; journalMode: string; fts5: boolean } {
  const integrity = String(db.pragma('quick_check', { simple: true }));
  const schemaVersion = (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
  const journalMode = String(db.pragma('journal_mode', { simple: true }));
  const fts5 = (db.prepare("SELECT sqlite_compileoption_used('ENABLE_FTS5') AS on_").get() as { on_: number }).on_ === 1;
  return { integrity, schemaVersion, journalMode, fts5 };
}

export function outboxFacts(db: Db, now: number): { pending: number; parked: number; oldestPendingAgeMs: number | null } {
  const row = db
    .prepare(
      `SELECT sum(status IN ('pending', 'sending')) AS pending, sum(status = 'parked') AS parked,
              min(CASE WHEN status IN ('pending', 'sending') THEN created_at END) AS oldest
       FROM outbox`,
    )
    .get() as { pending: number | null; parked: number | null; oldest: number | null };
  return { pending: row.pending ?? 0, parked: row.parked ?? 0, oldestPendingAgeMs: row.oldest === null ? null : now - row.oldest };
}
