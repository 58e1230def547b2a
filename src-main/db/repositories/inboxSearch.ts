import type { Db } from '../database';

/**
 * Search queries. Phone numbers match patient_identities exactly (UNIQUE index) or by a digit run
 * (a scan of the identities, fine at 100k patients); names and notes go through patients_fts,
 * message text through messages_fts. Merged-away patients are never returned.
 */
export interface PatientSearchRow {
  patient_id: number;
  first_name: string;
  last_name: string;
  notes: string;
  conversation_id: number | null;
  last_message_at: number | null;
}

const PATIENT_SELECT = `
  SELECT p.id AS patient_id, p.first_name, p.last_name, p.notes, c.id AS conversation_id, c.last_message_at
  FROM patients p LEFT JOIN conversations c ON c.patient_id = p.id`;

export function patientsByPhone(db: Db, e164: string | null, digits: string, limit: number): (PatientSearchRow & { exact: 0 | 1 })[] {
  return db
    .prepare(
      `SELECT p.id AS patient_id, p.first_name, p.last_name, p.notes, c.id AS conversation_id, c.last_message_at,
         max(i.value = ?) AS exact
       FROM patient_identities i JOIN patients p ON p.id = i.patient_id LEFT JOIN conversations c ON c.patient_id = p.id
       WHERE p.merged_into IS NULL AND (i.value = ? OR i.value LIKE '%' || ? || '%')
       GROUP BY p.id ORDER BY exact DESC, c.last_message_at DESC LIMIT ?`,
    )
    .all(e164 ?? '', e164 ?? '', digits, limit) as (PatientSearchRow & { exact: 0 | 1 })[];
}

export function patientsByText(db: Db, match: string, limit: number): PatientSearchRow[] {
  return db
    .prepare(
      `${PATIENT_SELECT} JOIN (SELECT rowid AS pid, rank FROM patients_fts WHERE patients_fts MATCH ? ORDER BY rank LIMIT ?) f ON f.pid = p.id
       WHERE p.merged_into IS NULL ORDER BY f.rank`,
    )
    .all(match, limit) as PatientSearchRow[];
}

export interface MessageSearchRow {
  message_id: number;
  conversation_id: number;
  patient_id: number;
  first_name: string;
  last_name: string;
  channel: string;
  direction: 'in' | 'out';
  body: string;
  created_at: number;
  bm25: number;
}

export function messagesByText(db: Db, match: string, limit: number): MessageSearchRow[] {
  return db
    .prepare(
      `SELECT m.id AS message_id, m.conversation_id, c.patient_id, p.first_name, p.last_name, m.channel, m.direction, m.body, m.created_at, f.bm25
       FROM (SELECT rowid AS mid, bm25(messages_fts) AS bm25 FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rank LIMIT ?) f
       JOIN messages m ON m.id = f.mid
       JOIN conversations c ON c.id = m.conversation_id
       JOIN patients p ON p.id = c.patient_id
       ORDER BY f.bm25, m.created_at DESC`,
    )
    .all(match, limit) as MessageSearchRow[];
}
