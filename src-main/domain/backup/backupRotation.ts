/**
 * Which backup files to keep: the newest `keepDaily` (one a day is what the scheduler makes) plus the
 * newest of each of the `keepWeekly` ISO weeks before them, so a problem noticed late still has a copy
 * from before it. Pure: names in, names to delete out.
 */
export interface BackupPolicy {
  keepDaily: number;
  keepWeekly: number;
}

export const DEFAULT_BACKUP_POLICY: BackupPolicy = { keepDaily: 7, keepWeekly: 4 };

const NAME = /^clinic-desk-(\d{4})-(\d{2})-(\d{2})T(\d{2})(\d{2})(\d{2})Z\.sqlite3$/;

/** The file name of a backup taken at `at` (UTC, sortable). */
export function backupFileName(at: number): string {
  const iso = new Date(at).toISOString(); // 2026-11-23T19:30:05.123Z
  return `clinic-desk-${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z.sqlite3`;
}

/** When a backup file was taken, or null for a file that is not one of ours. */
export function backupTakenAt(name: string): number | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

function isoWeek(at: number): string {
  const d = new Date(at);
  const day = (d.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day + 3));
  const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${thursday.getUTCFullYear()}-W${week}`;
}

export function backupsToDelete(names: readonly string[], policy: BackupPolicy = DEFAULT_BACKUP_POLICY): string[] {
  const ours = names
    .map((name) => ({ name, at: backupTakenAt(name) }))
    .filter((b): b is { name: string; at: number } => b.at !== null)
    .sort((a, b) => b.at - a.at);
  const keep = new Set(ours.slice(0, policy.keepDaily).map((b) => b.name));
  const weeks = new Set<string>();
  for (const b of ours.slice(policy.keepDaily)) {
    const week = isoWeek(b.at);
    if (weeks.has(week) || weeks.size >= policy.keepWeekly) continue;
    weeks.add(week);
    keep.add(b.name);
  }
  return ours.filter((b) => !keep.has(b.name)).map((b) => b.name);
}
