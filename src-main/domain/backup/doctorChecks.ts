/**
 * The verdicts of `clinic-desk doctor`: plain facts about an installation in, one line per check out.
 * Pure, so every threshold is tested without a real machine.
 */
export interface DoctorFacts {
  nodeVersion: string;
  dataDir: string;
  dataDirWritable: boolean;
  freeBytes: number | null;
  database: { integrity: string; schemaVersion: number; newestSchema: number; journalMode: string; fts5: boolean } | { error: string };
  outbox: { pending: number; parked: number; oldestPendingAgeMs: number | null };
  newestBackupAgeMs: number | null;
  runningPid: number | null;
}

export type Verdict = 'ok' | 'warn' | 'fail';
export interface DoctorLine {
  verdict: Verdict;
  check: string;
  detail: string;
}

const HOUR = 3_600_000;
const hours = (ms: number): string => (ms < 2 * HOUR ? `${Math.round(ms / 60_000)} min` : ms < 48 * HOUR ? `${Math.round(ms / HOUR)} h` : `${Math.round(ms / (24 * HOUR))} days`);

export function doctorLines(f: DoctorFacts): DoctorLine[] {
  const lines: DoctorLine[] = [];
  const add = (verdict: Verdict, check: string, detail: string): void => void lines.push({ verdict, check, detail });
  const [major = 0, minor = 0] = f.nodeVersion.replace(/^v/, '').split('.').map(Number);
  add(major > 20 || (major === 20 && minor >= 19) ? 'ok' : 'fail', 'runtime', `Node ${f.nodeVersion}${major < 20 || (major === 20 && minor < 19) ? ' (20.19 or newer needed)' : ''}`);
  add(f.dataDirWritable ? 'ok' : 'fail', 'data folder', f.dataDirWritable ? f.dataDir : `${f.dataDir} is not writable`);
  if (f.freeBytes !== null) {
    const gb = f.freeBytes / 1e9;
    add(gb < 0.5 ? 'fail' : gb < 2 ? 'warn' : 'ok', 'free disk', `${gb.toFixed(1)} GB free`);
  }
  if ('error' in f.database) {
    add('fail', 'database', f.database.error);
  } else {
    const d = f.database;
    add(d.integrity === 'ok' ? 'ok' : 'fail', 'database integrity', d.integrity);
    add(d.schemaVersion === d.newestSchema ? 'ok' : 'warn', 'schema', `version ${d.schemaVersion} of ${d.newestSchema}${d.schemaVersion < d.newestSchema ? ' (migrates at next start)' : ''}`);
    add(d.journalMode === 'wal' ? 'ok' : 'warn', 'journal', d.journalMode);
    add(d.fts5 ? 'ok' : 'fail', 'full-text search', d.fts5 ? 'FTS5 available' : 'this SQLite has no FTS5: search will not work');
  }
  const o = f.outbox;
  const stale = o.oldestPendingAgeMs !== null && o.oldestPendingAgeMs > HOUR;
  add(o.parked > 0 || stale ? 'warn' : 'ok', 'outbox', `${o.pending} waiting to send${o.oldestPendingAgeMs !== null ? ` (oldest ${hours(o.oldestPendingAgeMs)})` : ''}, ${o.parked} failed and parked`);
  if (f.newestBackupAgeMs === null) add('warn', 'backups', 'no backup yet: run "clinic-desk backup" (the desk makes one a day while it runs)');
  else add(f.newestBackupAgeMs > 48 * HOUR ? 'warn' : 'ok', 'backups', `newest is ${hours(f.newestBackupAgeMs)} old`);
  add('ok', 'desk', f.runningPid ? `running (process ${f.runningPid})` : 'not running on this data folder');
  return lines;
}
