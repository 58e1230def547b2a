import type { Db } from '../database';

export interface ConversationRow {
  id: number;
  patient_id: number;
  status: 'open' | 'waiting' | 'snoozed' | 'done';
  snoozed_until: number | null;
  assigned_to: string | null;
  unread_count: number;
  waiting_since: number | null;
  last_message_at: number | null;
  last_channel: string | null;
  last_preview: string;
  last_direction: 'in' | 'out' | null;
  created_at: number;
  /** Set by the visit loop (migration 080): something for the manager to look at. */
  flag?: string | null;
}

export interface ConversationListRow extends ConversationRow {
  first_name: string;
  last_name: string;
  language: string | null;
  phone: string | null;
}

export function ensureConversation(db: Db, patientId: number, at: number): ConversationRow {
  db.prepare('INSERT INTO conversations (patient_id, created_at) VALUES (?, ?) ON CONFLICT(patient_id) DO NOTHING').run(patientId, at);
  return db.prepare('SELECT * FROM conversations WHERE patient_id = ?').get(patientId) as ConversationRow;
}

export function getConversation(db: Db, id: number): ConversationRow | undefined {
  return db.prepare('SELECT * FROM conversations WHERE id = ?').get(id) as ConversationRow | undefined;
}

export function saveConversationState(
  db: Db,
  id: number,
  s: Pick<ConversationRow, 'status' | 'snoozed_until' | 'unread_count' | 'waiting_since' | 'last_message_at' | 'last_channel' | 'last_preview' | 'last_direction'>,
): void {
  db.prepare(
    `UPDATE conversations SET status = ?, snoozed_until = ?, unread_count = ?, waiting_since = ?,
       last_message_at = ?, last_channel = ?, last_preview = ?, last_direction = ? WHERE id = ?`,
  ).run(s.status, s.snoozed_until, s.unread_count, s.waiting_since, s.last_message_at, s.last_channel, s.last_preview, s.last_direction, id);
}

const STATE_COLUMNS = ['status', 'snoozed_until', 'unread_count', 'waiting_since', 'last_message_at', 'last_channel', 'last_preview', 'last_direction'] as const;
type StateColumns = Pick<ConversationRow, (typeof STATE_COLUMNS)[number]>;

/**
 * Writes only the state columns that differ from `was` (the row as read in the same transaction): SQLite
 * then leaves alone every index of a column not set (a message to a conversation already waiting does not
 * touch the status or unanswered indexes). Nothing differs: no write at all.
 */
export function saveConversationChanges(db: Db, id: number, was: StateColumns, next: StateColumns): void {
  const changed = STATE_COLUMNS.filter((c) => was[c] !== next[c]);
  if (changed.length === 0) return;
  db.prepare(`UPDATE conversations SET ${changed.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...changed.map((c) => next[c]), id);
}

const LIST_SELECT = `
  SELECT c.*, p.first_name, p.last_name, p.language,
    (SELECT value FROM patient_identities i WHERE i.patient_id = p.id AND i.kind = 'phone' ORDER BY i.id LIMIT 1) AS phone
  FROM conversations c JOIN patients p ON p.id = c.patient_id`;

export function getConversationListRow(db: Db, id: number): ConversationListRow | undefined {
  return db.prepare(`${LIST_SELECT} WHERE c.id = ?`).get(id) as ConversationListRow | undefined;
}

/**
 * The patient's conversation as the inbox lists it, created when missing: what a message arriving needs
 * (its state to update, and the patient's name and number for the summary pushed to the desks). One
 * statement when the conversation exists, which is nearly always.
 */
export function ensureConversationListRow(db: Db, patientId: number, at: number): ConversationListRow {
  const row = conversationListRowOf(db, patientId);
  if (row) return row;
  db.prepare('INSERT INTO conversations (patient_id, created_at) VALUES (?, ?) ON CONFLICT(patient_id) DO NOTHING').run(patientId, at);
  return conversationListRowOf(db, patientId)!;
}

/**
 * The conversation, as the inbox lists it, of whoever owns an identity (a phone number, a WhatsApp id): what a
 * message from a known sender needs, in one read (identity, patient and conversation). Undefined when the
 * identity is unknown or its patient has no conversation yet.
 */
export function conversationListRowByIdentity(db: Db, kind: 'phone' | 'whatsapp', value: string): ConversationListRow | undefined {
  return db
    .prepare(`${LIST_SELECT} JOIN patient_identities who ON who.patient_id = c.patient_id WHERE who.kind = ? AND who.value = ?`)
    .get(kind, value) as ConversationListRow | undefined;
}

/** A patient's conversation as the inbox lists it, if they have one. */
export function conversationListRowOf(db: Db, patientId: number): ConversationListRow | undefined {
  return db.prepare(`${LIST_SELECT} WHERE c.patient_id = ?`).get(patientId) as ConversationListRow | undefined;
}
