import type { Db } from '../database';

export interface OutboxRow {
  id: number;
  idempotency_key: string;
  message_id: number | null;
  channel: 'whatsapp' | 'sms';
  to_phone: string | null;
  whatsapp_jid: string | null;
  body: string;
  media: string | null;
  first_contact: 0 | 1;
  status: 'pending' | 'sending' | 'sent' | 'parked' | 'cancelled';
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  last_error_code: string | null;
  provider_id: string | null;
  created_at: number;
  sent_at: number | null;
  uncertain_since: number | null;
}

export interface NewOutboxRow {
  idempotencyKey: string;
  messageId: number | null;
  channel: 'whatsapp' | 'sms';
  toPhone: string | null;
  whatsappJid?: string | null;
  body: string;
  media?: unknown;
  firstContact?: boolean;
  notBefore?: number;
}

/**
 * Writes the decision to send. Call it inside the transaction that made the decision: the unique
 * idempotency key makes a repeated decision (after a crash, a double click) a no-op.
 */
export function insertOutbox(db: Db, row: NewOutboxRow, at: number): { id: number; created: boolean } {
  const r = db
    .prepare(
      `INSERT INTO outbox (idempotency_key, message_id, channel, to_phone, whatsapp_jid, body, media, first_contact, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(idempotency_key) DO NOTHING`,
    )
    .run(
      row.idempotencyKey,
      row.messageId,
      row.channel,
      row.toPhone,
      row.whatsappJid ?? null,
      row.body,
      row.media ? JSON.stringify(row.media) : null,
      row.firstContact ? 1 : 0,
      row.notBefore ?? at,
      at,
    );
  if (r.changes === 1) return { id: Number(r.lastInsertRowid), created: true };
  const existing = db.prepare('SELECT id FROM outbox WHERE idempotency_key = ?').get(row.idempotencyKey) as { id: number };
  return { id: existing.id, created: false };
}

export function outboxByKey(db: Db, key: string): OutboxRow | undefined {
  return db.prepare('SELECT * FROM outbox WHERE idempotency_key = ?').get(key) as OutboxRow | undefined;
}

export function outboxForMessage(db: Db, messageId: number): OutboxRow | undefined {
  return db.prepare('SELECT * FROM outbox WHERE message_id = ? ORDER BY id DESC LIMIT 1').get(messageId) as OutboxRow | undefined;
}

/** The next due row of a channel, oldest first (outbox_due index). */
export function nextDue(db: Db, channel: string, now: number): OutboxRow | undefined {
  return db
    .prepare(`SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? AND channel = ? ORDER BY next_attempt_at, id LIMIT 1`)
    .get(now, channel) as OutboxRow | undefined;
}

/**
 * Claims a due row for one attempt, as a compare-and-set: only a row still `pending` becomes `sending`.
 * Returns the claimed row, or undefined when another worker (or process) took it first.
 */
export function claimForSending(db: Db, id: number, now: number): OutboxRow | undefined {
  return db
    .prepare(`UPDATE outbox SET status = 'sending', attempts = attempts + 1, uncertain_since = coalesce(uncertain_since, ?) WHERE id = ? AND status = 'pending' RETURNING *`)
    .get(now, id) as OutboxRow | undefined;
}

/** A definite answer from the provider (sent, or refused): nothing is in doubt any more. */
export function clearUncertain(db: Db, id: number): void {
  db.prepare('UPDATE outbox SET uncertain_since = NULL WHERE id = ?').run(id);
}


export function markSent(db: Db, id: number, providerId: string, at: number): void {
  db.prepare(`UPDATE outbox SET status = 'sent', provider_id = ?, sent_at = ?, last_error = NULL, last_error_code = NULL WHERE id = ?`).run(
    providerId,
    at,
    id,
  );
}

export function markRetry(db: Db, id: number, nextAttemptAt: number, code: string, reason: string): void {
  db.prepare(`UPDATE outbox SET status = 'pending', next_attempt_at = ?, last_error = ?, last_error_code = ? WHERE id = ?`).run(
    nextAttemptAt,
    reason,
    code,
    id,
  );
}

export function markParked(db: Db, id: number, code: string, reason: string): void {
  db.prepare(`UPDATE outbox SET status = 'parked', last_error = ?, last_error_code = ? WHERE id = ?`).run(reason, code, id);
}

/** A parked row retried by hand starts over. */
export function requeue(db: Db, id: number, at: number): void {
  db.prepare(`UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, last_error = NULL, last_error_code = NULL WHERE id = ?`).run(at, id);
}

/**
 * After a crash, rows caught mid-send go back to pending. They are sent again with the same
 * idempotency key, which the providers that support it (SMSAPI idx, WhatsApp message id) use to drop a repeat.
 */
export function resumeInterrupted(db: Db): number {
  return db.prepare(`UPDATE outbox SET status = 'pending' WHERE status = 'sending'`).run().changes;
}

export function outboxCounts(db: Db): Record<string, number> {
  const rows = db.prepare('SELECT status, count(*) AS n FROM outbox GROUP BY status').all() as { status: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
