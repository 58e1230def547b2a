import type { Db } from '../database';

/** Visit messages whose send failed for good and whose fallback is not decided yet (migration 161). */
export interface FailedVisitMessage {
  id: number;
  kind: string;
  patient_id: number;
  conversation_id: number;
  message_id: number;
  idempotency_key: string;
  channel: 'whatsapp' | 'sms';
  asks_until: number | null;
  body: string;
  message_kind: string;
  error_code: string | null;
  error: string | null;
  first_start: number | null;
}

const SELECT = `
  SELECT vm.id, vm.kind, vm.patient_id, vm.conversation_id, vm.message_id, vm.idempotency_key, o.channel, vm.asks_until,
         o.body, m.kind AS message_kind, o.last_error_code AS error_code, o.last_error AS error,
         (SELECT min(a.starts_at) FROM visit_message_appointments x JOIN appointments a ON a.id = x.appointment_id WHERE x.visit_message_id = vm.id) AS first_start
  FROM visit_messages vm
  JOIN outbox o ON o.message_id = vm.message_id
  JOIN messages m ON m.id = vm.message_id
  WHERE vm.fallback_state IS NULL AND vm.message_id IS NOT NULL AND o.status = 'parked'`;

/** Failed visit messages written since `since` (the scheduler's sweep; served by visit_messages_fallback_open). */
export function failedVisitMessagesSince(db: Db, since: number): FailedVisitMessage[] {
  return db.prepare(`${SELECT} AND vm.created_at >= ? ORDER BY vm.id LIMIT 500`).all(since) as FailedVisitMessage[];
}

export function failedVisitMessageOf(db: Db, messageId: number): FailedVisitMessage | undefined {
  return db.prepare(`${SELECT} AND vm.message_id = ?`).get(messageId) as FailedVisitMessage | undefined;
}

export function appointmentIdsOf(db: Db, visitMessageId: number): number[] {
  return (db.prepare('SELECT appointment_id AS id FROM visit_message_appointments WHERE visit_message_id = ? ORDER BY appointment_id').all(visitMessageId) as { id: number }[]).map((r) => r.id);
}

export function setFallback(db: Db, id: number, state: 'queued' | 'unreachable' | 'expired', messageId: number | null): void {
  db.prepare('UPDATE visit_messages SET fallback_state = ?, fallback_message_id = ? WHERE id = ? AND fallback_state IS NULL').run(state, messageId, id);
}

/** A message the WhatsApp SMS fallback (desk setting) already queued for this row, if any. */
export function whatsappFallbackMessage(db: Db, idempotencyKey: string): number | null {
  const r = db.prepare('SELECT message_id FROM outbox WHERE idempotency_key = ?').get(`whatsapp-fallback:${idempotencyKey}`) as { message_id: number | null } | undefined;
  return r?.message_id ?? null;
}
