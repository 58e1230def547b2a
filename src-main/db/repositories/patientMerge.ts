import type { Db } from '../database';
import type { ConversationRow } from './conversations';

/**
 * The row moves of a patient merge. Every table of every area that points at patients(id) or
 * conversations(id) is found from the schema's foreign keys, so a table added by a later migration
 * is moved too without this file knowing it. Rows that cannot move because the survivor already
 * has the same unique row (a per-patient-per-day marker, say) stay on the merged-away record,
 * which is kept with merged_into set: nothing is deleted.
 */
export interface ForeignKeyRef {
  table: string;
  column: string;
}

export function referencesTo(db: Db, target: 'patients' | 'conversations'): ForeignKeyRef[] {
  return db
    .prepare(
      `SELECT m.name AS "table", f."from" AS "column"
       FROM sqlite_master m, pragma_foreign_key_list(m.name) f
       WHERE m.type = 'table' AND f."table" = ? ORDER BY m.name, f."from"`,
    )
    .all(target) as ForeignKeyRef[];
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Moves rows from one id to another in every referencing table except the ones handled by hand. */
export function moveReferences(db: Db, target: 'patients' | 'conversations', fromId: number, toId: number, skip: string[]): Record<string, number> {
  const moved: Record<string, number> = {};
  for (const ref of referencesTo(db, target)) {
    const key = `${ref.table}.${ref.column}`;
    if (skip.includes(key)) continue;
    const r = db.prepare(`UPDATE OR IGNORE ${quote(ref.table)} SET ${quote(ref.column)} = ? WHERE ${quote(ref.column)} = ?`).run(toId, fromId);
    if (r.changes > 0) moved[key] = r.changes;
  }
  return moved;
}

export function replaceConsents(db: Db, patientId: number, consents: { kind: string; granted: boolean; at: number; source: string }[]): void {
  db.prepare('DELETE FROM patient_consents WHERE patient_id = ?').run(patientId);
  const insert = db.prepare('INSERT INTO patient_consents (patient_id, kind, granted, at, source) VALUES (?, ?, ?, ?, ?)');
  for (const c of consents) insert.run(patientId, c.kind, c.granted ? 1 : 0, c.at, c.source);
}

export function writeMergedPatient(
  db: Db,
  id: number,
  p: { firstName: string; lastName: string; language: string | null; preferredChannel: string | null; birthDate: string | null; notes: string; tags: string[]; createdAt: number },
  at: number,
): void {
  db.prepare(
    `UPDATE patients SET first_name = ?, last_name = ?, language = ?, preferred_channel = ?, birth_date = ?, notes = ?, tags = ?,
       created_at = ?, updated_at = ? WHERE id = ?`,
  ).run(p.firstName, p.lastName, p.language, p.preferredChannel, p.birthDate, p.notes, JSON.stringify(p.tags), p.createdAt, at, id);
}

export function markMerged(db: Db, fromId: number, intoId: number, at: number): void {
  db.prepare('UPDATE patients SET merged_into = ?, updated_at = ? WHERE id = ?').run(intoId, at, fromId);
  // Anything that pointed at the merged-away record now points at the survivor.
  db.prepare('UPDATE patients SET merged_into = ? WHERE merged_into = ?').run(intoId, fromId);
}

export function moveConversationToPatient(db: Db, conversationId: number, patientId: number): void {
  db.prepare('UPDATE conversations SET patient_id = ? WHERE id = ?').run(patientId, conversationId);
}

export function deleteConversation(db: Db, id: number): void {
  db.prepare('DELETE FROM conversations WHERE id = ?').run(id);
}

export function saveMergedConversation(db: Db, id: number, c: Omit<ConversationRow, 'id' | 'patient_id'>): void {
  db.prepare(
    `UPDATE conversations SET status = ?, snoozed_until = ?, assigned_to = ?, unread_count = ?, waiting_since = ?, last_message_at = ?,
       last_channel = ?, last_preview = ?, last_direction = ?, created_at = ? WHERE id = ?`,
  ).run(c.status, c.snoozed_until, c.assigned_to, c.unread_count, c.waiting_since, c.last_message_at, c.last_channel, c.last_preview, c.last_direction, c.created_at, id);
}
