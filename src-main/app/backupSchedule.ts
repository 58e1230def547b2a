import { backupDatabase, listBackups } from '../db/backup';
import type { AppContext } from './area';

const DAY = 86_400_000;
const CHECK_EVERY = 3_600_000;
const FIRST_CHECK_AFTER = 10 * 60_000;

/**
 * Automatic rotated backups: once a day while the desk runs (checked hourly, first ten minutes after
 * start so start-up stays quick). A failed backup is logged and tried again at the next check.
 */
export function startBackupSchedule(ctx: AppContext): () => void {
  const check = async (): Promise<void> => {
    const newest = listBackups(ctx.dataDir)[0];
    if (newest && ctx.clock.now() - newest.takenAt < DAY) return;
    try {
      await backupDatabase(ctx.db, ctx.dataDir, ctx.clock.now());
    } catch (err) {
      console.error('automatic backup failed; will retry within the hour:', err);
    }
  };
  const first = setTimeout(() => void check(), FIRST_CHECK_AFTER);
  const every = setInterval(() => void check(), CHECK_EVERY);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
