import type { Db } from '../database';

/**
 * Automatic messages whose send failed for good and whose fallback is not decided yet: visit messages
 * (migration 161) and delay notices (migration 162).
 */
export interface FailedVisitMessage {
  source: 'visit' | 'delay';
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
  /** Delay notices: 0 when it no longer matters (the patient arrived, or a newer notice replaced it). */
  live: number;
}

const SELECT = `
  SELECT 'visit' AS source, 1 AS live, vm.id, vm.kind, vm.patient_id, vm.conversation_id, vm.message_id, vm.idempotency_key, o.channel, vm.asks_until,
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

const DELAY_SELECT = `
  SELECT 'delay' AS source, dn.id, 'delay_notice' AS kind, dn.patient_id, m.conversation_id, dn.message_id, dn.idempotency_key, o.channel,
         dn.eta AS asks_until, o.body, m.kind AS message_kind, o.last_error_code AS error_code, o.last_error AS error, a.starts_at AS first_start,
         (a.status IN ('booked','confirmed') AND NOT EXISTS (SELECT 1 FROM delay_notices newer WHERE newer.appointment_id = dn.appointment_id AND newer.id > dn.id)) AS live
  FROM delay_notices dn
  JOIN outbox o ON o.message_id = dn.message_id
  JOIN messages m ON m.id = dn.message_id
  JOIN appointments a ON a.id = dn.appointment_id
  WHERE dn.fallback_state IS NULL AND dn.message_id IS NOT NULL AND o.status = 'parked'`;

export function failedDelayNoticesSince(db: Db, since: number): FailedVisitMessage[] {
  return db.prepare(`${DELAY_SELECT} AND dn.created_at >= ? ORDER BY dn.id LIMIT 500`).all(since) as FailedVisitMessage[];
}

export function failedDelayNoticeOf(db: Db, messageId: number): FailedVisitMessage | undefined {
  return db.prepare(`${DELAY_SELECT} AND dn.message_id = ?`).get(messageId) as FailedVisitMessage | undefined;
}

export function delayNoticeAppointment(db: Db, id: number): number[] {
  const r = db.prepare('SELECT appointment_id AS id FROM delay_notices WHERE id = ?').get(id) as { id: number } | undefined;
  return r ? [r.id] : [];
}

export function setFallback(db: Db, f: Pick<FailedVisitMessage, 'source' | 'id'>, state: 'queued' | 'unreachable' | 'expired', messageId: number | null): void {
  const table = f.source === 'delay' ? 'delay_notices' : 'visit_messages';
  db.prepare(`UPDATE ${table} SET fallback_state = ?, fallback_message_id = ? WHERE id = ? AND fallback_state IS NULL`).run(state, messageId, f.id);
}

/** A message the WhatsApp SMS fallback (desk setting) already queued for this row, if any. */
export function whatsappFallbackMessage(db: Db, idempotencyKey: string): number | null {
  const r = db.prepare('SELECT message_id FROM outbox WHERE idempotency_key = ?').get(`whatsapp-fallback:${idempotencyKey}`) as { message_id: number | null } | undefined;
  return r?.message_id ?? null;
}

/** The timeline line of a fallback queued for later (meta.fallback.fallbackMessageId, meta.fallback.scheduledFor). */
export function scheduledFallbackEvent(db: Db, conversationId: number, fallbackMessageId: number): { id: number; body: string } | undefined {
  return db
    .prepare(
      `SELECT id, body FROM messages WHERE conversation_id = ? AND channel = 'system'
         AND json_extract(meta, '$.fallback.fallbackMessageId') = ? AND json_extract(meta, '$.fallback.scheduledFor') IS NOT NULL`,
    )
    .get(conversationId, fallbackMessageId) as { id: number; body: string } | undefined;
}

export function setEventBody(db: Db, id: number, body: string): void {
  db.prepare(`UPDATE messages SET body = ? WHERE id = ? AND channel = 'system'`).run(body, id);
}
