import type { Db } from '../database';

/**
 * The stored closed days of the statistics (migration 170): one JSON row per clinic date, valid for one basis
 * (time zone and opening hours). Triggers drop a row when a write touches its day; these reads and writes only
 * fill and read the table.
 */
export interface StatsDayRow {
  date: string;
  figures: string;
}

/** The stored days in [from, to] computed under `basis`. One range read of the primary key. */
export function storedStatsDays(db: Db, from: string, to: string, basis: string): Map<string, string> {
  const rows = db.prepare('SELECT date, figures FROM stats_days WHERE date >= ? AND date <= ? AND basis = ?').all(from, to, basis) as StatsDayRow[];
  return new Map(rows.map((r) => [r.date, r.figures]));
}

export function storeStatsDays(db: Db, basis: string, days: readonly { date: string; startMs: number; endMs: number; figures: string }[], at: number): void {
  if (!days.length || db.readonly) return;
  const put = db.prepare(
    `INSERT INTO stats_days (date, basis, start_ms, end_ms, figures, computed_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(date) DO UPDATE SET basis = excluded.basis, start_ms = excluded.start_ms, end_ms = excluded.end_ms,
       figures = excluded.figures, computed_at = excluded.computed_at`,
  );
  db.transaction(() => {
    for (const d of days) put.run(d.date, basis, d.startMs, d.endMs, d.figures, at);
  })();
}

/** Which dates in [from, to] are stored under `basis` (dates only: the background filler asks this often). */
export function storedStatsDates(db: Db, from: string, to: string, basis: string): Set<string> {
  const rows = db.prepare('SELECT date FROM stats_days WHERE date >= ? AND date <= ? AND basis = ?').all(from, to, basis) as { date: string }[];
  return new Set(rows.map((r) => r.date));
}
