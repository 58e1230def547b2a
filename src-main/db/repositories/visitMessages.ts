import type { Db } from '../database';

/** Automatic messages about visits and the visits each one is about (migration 080). */
export type VisitMessageKind = 'reminder' | 'booking_confirmation' | 'reschedule' | 'cancellation' | 'feedback' | 'reply_ack';

export interface VisitMessageRow {
  id: number;
  kind: VisitMessageKind;
  patient_id: number;
  conversation_id: number;
  message_id: number | null;
  idempotency_key: string;
  channel: 'whatsapp' | 'sms';
  language: string | null;
  fallback_reason: string | null;
  day: string | null;
  created_at: number;
  asks_until: number | null;
  answer: 'confirmed' | 'cancelled' | 'ambiguous' | 'score' | null;
  answered_at: number | null;
  answer_message_id: number | null;
  score: number | null;
}

export interface NewVisitMessage {
  kind: VisitMessageKind;
  patientId: number;
  conversationId: number;
  /** Null: nothing could be sent (no consented channel); the row keeps the decision from being repeated. */
  messageId: number | null;
  idempotencyKey: string;
  channel: 'whatsapp' | 'sms';
  language: string | null;
  fallbackReason: string | null;
  day: string | null;
  asksUntil: number | null;
  appointmentIds: readonly number[];
  at: number;
}

export function visitMessageByKey(db: Db, key: string): VisitMessageRow | undefined {
  return db.prepare('SELECT * FROM visit_messages WHERE idempotency_key = ?').get(key) as VisitMessageRow | undefined;
}

export function getVisitMessage(db: Db, id: number): VisitMessageRow | undefined {
  return db.prepare('SELECT * FROM visit_messages WHERE id = ?').get(id) as VisitMessageRow | undefined;
}

/** Call inside the transaction that queued the message. */
export function insertVisitMessage(db: Db, m: NewVisitMessage): number {
  const r = db
    .prepare(
      `INSERT INTO visit_messages (kind, patient_id, conversation_id, message_id, idempotency_key, channel, language, fallback_reason, day, created_at, asks_until)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(m.kind, m.patientId, m.conversationId, m.messageId, m.idempotencyKey, m.channel, m.language, m.fallbackReason, m.day, m.at, m.asksUntil);
  const id = Number(r.lastInsertRowid);
  const link = db.prepare('INSERT OR IGNORE INTO visit_message_appointments (visit_message_id, appointment_id) VALUES (?, ?)');
  for (const a of m.appointmentIds) link.run(id, a);
  return id;
}

export function appointmentsOfVisitMessage(db: Db, id: number): number[] {
  return (db.prepare('SELECT appointment_id FROM visit_message_appointments WHERE visit_message_id = ? ORDER BY appointment_id').all(id) as { appointment_id: number }[]).map(
    (r) => r.appointment_id,
  );
}

/** The latest open question to this conversation at `at` (reminder, confirmation or feedback not yet answered). */
export function openQuestion(db: Db, conversationId: number, at: number): VisitMessageRow | undefined {
  return db
    .prepare(
      `SELECT * FROM visit_messages WHERE conversation_id = ? AND asks_until IS NOT NULL AND answer IS NULL
         AND created_at <= ? AND asks_until > ? ORDER BY created_at DESC, id DESC LIMIT 1`,
    )
    .get(conversationId, at, at) as VisitMessageRow | undefined;
}

export function recordAnswer(db: Db, id: number, a: { answer: NonNullable<VisitMessageRow['answer']>; at: number; messageId: number | null; score?: number | null }): void {
  db.prepare('UPDATE visit_messages SET answer = ?, answered_at = ?, answer_message_id = ?, score = ? WHERE id = ?').run(a.answer, a.at, a.messageId, a.score ?? null, id);
}

/** Visit messages of a kind covering a clinic day, for the reminders panel and the statistics. */
export function visitMessagesOfDay(db: Db, kind: VisitMessageKind, day: string): Array<VisitMessageRow & { message_status: string | null }> {
  return db
    .prepare(
      `SELECT v.*, m.status AS message_status FROM visit_messages v LEFT JOIN messages m ON m.id = v.message_id
       WHERE v.kind = ? AND v.day = ? ORDER BY v.id`,
    )
    .all(kind, day) as Array<VisitMessageRow & { message_status: string | null }>;
}

export function flagConversation(db: Db, conversationId: number, flag: 'low_score' | 'ambiguous_answer' | null, at: number): void {
  db.prepare('UPDATE conversations SET flag = ?, flagged_at = ? WHERE id = ?').run(flag, flag === null ? null : at, conversationId);
}
