import { rm } from 'node:fs/promises';
import { deleteMediaRow, mediaStillUsed, purgeOldMessages, scrubDatabaseFile } from '../../db/repositories/gdpr';
import { writeAudit } from '../../db/repositories/audit';
import { readSetting, writeSetting } from '../../db/repositories/settings';
import type { GdprDeps } from './patientExport';

/**
 * Retention: message bodies and media older than N years are purged (the rows stay, empty, for the statistics).
 * Off (null) by default: the clinic decides its period with its data-protection officer.
 */
export const RETENTION_KEY = 'gdpr.retentionYears';
const YEAR_MS = 365.25 * 24 * 3600 * 1000;

export function getRetentionYears(deps: Pick<GdprDeps, 'db'>): number | null {
  const v = readSetting<number | null>(deps.db, RETENTION_KEY);
  return typeof v === 'number' && v > 0 ? v : null;
}

export function setRetentionYears(deps: Pick<GdprDeps, 'db' | 'clock'>, years: number | null, actor: string): void {
  deps.db.transaction(() => {
    writeSetting(deps.db, RETENTION_KEY, years);
    writeAudit(deps.db, deps.clock.now(), { actor, action: 'settings.retention', entity: 'settings', entityId: 'retention', details: { years } });
  })();
}

export interface RetentionResult {
  cutoff: number;
  messages: number;
  mediaFilesRemoved: number;
  /** Words no message uses any more, gone from the search vocabulary (suggestions while typing). */
  wordsForgotten: number;
}

export async function runRetention(deps: GdprDeps, actor = 'retention'): Promise<RetentionResult | null> {
  const years = getRetentionYears(deps);
  if (years === null) return null;
  const now = deps.clock.now();
  const cutoff = Math.floor(now - years * YEAR_MS);
  deps.db.pragma('secure_delete = ON');
  const { messages, media, words } = deps.db.transaction(() => purgeOldMessages(deps.db, cutoff))();
  let removed = 0;
  for (const sha of media) {
    if (mediaStillUsed(deps.db, sha)) continue;
    deleteMediaRow(deps.db, sha);
    await rm(deps.media.pathOf(sha), { force: true });
    removed++;
  }
  if (messages > 0 || removed > 0) {
    writeAudit(deps.db, now, { actor, action: 'gdpr.retention', entity: 'settings', entityId: 'retention', details: { years, cutoff, messages, mediaFiles: removed, words } });
    // secure_delete already zeroed the freed cells; a daily VACUUM of a ten-year database would stall the desk.
    scrubDatabaseFile(deps.db, { vacuum: false });
  }
  return { cutoff, messages, mediaFilesRemoved: removed, wordsForgotten: words };
}
