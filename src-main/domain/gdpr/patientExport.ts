import { zipSync, strToU8 } from 'fflate';
import type { Db } from '../../db/database';
import { writeAudit } from '../../db/repositories/audit';
import { getMedia } from '../../db/repositories/media';
import { mediaOf, personKeys, personRows } from '../../db/repositories/gdpr';
import type { MediaStore } from '../media/mediaStore';
import type { Clock } from '../shared/clock';
import { clinicDate } from '../settings/clinicSettings';
import { requireGdprSubject } from './findPatient';
import { PATIENT_TABLES } from './patientTables';

export interface GdprDeps {
  db: Db;
  media: MediaStore;
  clock: Clock;
}

export interface PatientExport {
  zip: Uint8Array;
  fileName: string;
  tables: Record<string, number>;
  mediaFiles: number;
  missingMedia: string[];
}

/**
 * Everything stored about one patient (their record and any merged into it) as one zip: `patient.json` with a
 * section per table, and `media/` with the files they sent or received. The export is audit-logged.
 */
export async function exportPatient(deps: GdprDeps, patientId: number, actor: string): Promise<PatientExport> {
  requireGdprSubject(deps.db, patientId);
  const at = deps.clock.now();
  const keys = personKeys(deps.db, patientId);
  const data: Record<string, unknown[]> = {};
  const counts: Record<string, number> = {};
  for (const [table, policy] of Object.entries(PATIENT_TABLES)) {
    if (!policy.export || table === 'media') continue;
    const rows = personRows(deps.db, table, keys).map(parseJsonColumns);
    data[table] = rows;
    counts[table] = rows.length;
  }
  const files: Record<string, Uint8Array> = {};
  const mediaList: unknown[] = [];
  const missingMedia: string[] = [];
  for (const sha of mediaOf(deps.db, keys)) {
    const row = getMedia(deps.db, sha);
    const name = `media/${sha.slice(0, 12)}-${safeName(row?.file_name ?? sha.slice(0, 12))}`;
    try {
      files[name] = await deps.media.read(sha);
      mediaList.push({ ...(row ?? { sha256: sha }), path: name });
    } catch {
      missingMedia.push(sha);
      mediaList.push({ ...(row ?? { sha256: sha }), path: null, missing: true });
    }
  }
  data.media = mediaList;
  counts.media = mediaList.length;
  const document = {
    format: 'clinic-desk.patient-export/1',
    exportedAt: new Date(at).toISOString(),
    exportedBy: actor,
    patientId,
    mergedRecords: keys.patientIds.filter((id) => id !== patientId),
    tables: data,
  };
  files['patient.json'] = strToU8(JSON.stringify(document, null, 2));
  const zip = zipSync(files, { level: 6, mtime: new Date(at) });
  writeAudit(deps.db, at, { actor, action: 'patient.export', entity: 'patient', entityId: patientId, details: { tables: counts, bytes: zip.length } });
  return { zip, fileName: `patient-${patientId}-${clinicDate(deps.db, at)}.zip`, tables: counts, mediaFiles: Object.keys(files).length - 1, missingMedia };
}

/** JSON columns (meta, details, tags, media) read as values, not as strings inside strings. */
function parseJsonColumns(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (typeof v === 'string' && (k === 'meta' || k === 'details' || k === 'tags' || k === 'media') && /^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        /* keep the text as stored */
      }
    }
    out[k] = Buffer.isBuffer(v) ? v.toString('base64') : v;
  }
  return out;
}

function safeName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 80) || 'file';
}
