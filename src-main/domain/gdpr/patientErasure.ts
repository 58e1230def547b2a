import { rm } from 'node:fs/promises';
import { writeAudit } from '../../db/repositories/audit';
import { eraseRows, mediaOf, mediaUsedOutside, personKeys, scrubDatabaseFile, type ScrubResult } from '../../db/repositories/gdpr';
import { getPatient } from '../../db/repositories/patients';
import { requireGdprSubject } from './findPatient';
import type { GdprDeps } from './patientExport';

export interface ErasureReport {
  patientId: number;
  rows: Record<string, number>;
  mediaFilesRemoved: number;
  scrub: ScrubResult;
}

/**
 * Erases a patient on their request: identities, numbers, consents and media go; messages stay as empty rows (so
 * the statistics still add up) and the record stays as "erased". Then the database file itself is scrubbed (FTS
 * segments merged, WAL emptied, file vacuumed) so no old page still holds the person's number, name or words.
 * The audit entry says who and when, and nothing about the person.
 */
export async function erasePatient(deps: GdprDeps, patientId: number, actor: string): Promise<ErasureReport> {
  requireGdprSubject(deps.db, patientId);
  const at = deps.clock.now();
  if (getPatient(deps.db, patientId)?.erased_at != null) {
    // Erasing again only scrubs the file again: the way to finish after the running desk held the WAL open.
    writeAudit(deps.db, at, { actor, action: 'patient.erase', entity: 'patient', entityId: patientId, details: { again: true } });
    return { patientId, rows: {}, mediaFilesRemoved: 0, scrub: scrubDatabaseFile(deps.db) };
  }
  const keys = personKeys(deps.db, patientId);
  const media = mediaOf(deps.db, keys).filter((sha) => !mediaUsedOutside(deps.db, sha, keys));
  // Freed cells and pages are zeroed as they are freed, not just marked free.
  deps.db.pragma('secure_delete = ON');
  const rows = deps.db.transaction(() => {
    const n = eraseRows(deps.db, keys, media, at);
    writeAudit(deps.db, at, {
      actor,
      action: 'patient.erase',
      entity: 'patient',
      entityId: patientId,
      details: { records: keys.patientIds.length, messages: n.messages ?? 0, calls: n.calls ?? 0, mediaFiles: media.length },
    });
    return n;
  })();
  let removed = 0;
  for (const sha of media) {
    await rm(deps.media.pathOf(sha), { force: true });
    removed++;
  }
  const scrub = scrubDatabaseFile(deps.db);
  return { patientId, rows, mediaFilesRemoved: removed, scrub };
}
