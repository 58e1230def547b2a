import type { Db } from '../database';

export interface SmsProviderRow {
  provider: 'smsapi' | 'android' | 'twilio';
  config: string;
  secrets: Buffer;
  updated_at: number;
}

export function getSmsProviderRow(db: Db, provider: string): SmsProviderRow | undefined {
  return db.prepare('SELECT provider, config, secrets, updated_at FROM sms_providers WHERE provider = ?').get(provider) as SmsProviderRow | undefined;
}

export function listSmsProviderRows(db: Db): SmsProviderRow[] {
  return db.prepare('SELECT provider, config, secrets, updated_at FROM sms_providers ORDER BY provider').all() as SmsProviderRow[];
}

export function upsertSmsProvider(db: Db, provider: string, config: Record<string, unknown>, secrets: Buffer, at: number): void {
  providerWrites.set(db, (providerWrites.get(db) ?? 0) + 1);
  db.prepare(
    `INSERT INTO sms_providers (provider, config, secrets, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(provider) DO UPDATE SET config = excluded.config, secrets = excluded.secrets, updated_at = excluded.updated_at`,
  ).run(provider, JSON.stringify(config), secrets, at);
}

export function deleteSmsProvider(db: Db, provider: string): void {
  providerWrites.set(db, (providerWrites.get(db) ?? 0) + 1);
  db.prepare('DELETE FROM sms_providers WHERE provider = ?').run(provider);
}

/** Writes to sms_providers through each connection (every write goes through the two functions above). */
const providerWrites = new WeakMap<Db, number>();

/**
 * A value that changes whenever sms_providers may have changed: a write through this connection (counted
 * above, even one later rolled back) or a commit by any other connection (`PRAGMA data_version`). A reader
 * that keeps what it derived from the rows (the webhook's provider configuration) compares it instead of
 * reading the row for every call. Costs no table read.
 */
export function smsProvidersVersion(db: Db): string {
  const { data_version: dataVersion } = db.prepare('PRAGMA data_version').get() as { data_version: number };
  return `${dataVersion}:${providerWrites.get(db) ?? 0}`;
}

export interface WebhookLogEntry {
  id: number;
  provider: string;
  at: number;
  http_status: number;
  outcome: 'accepted' | 'rejected' | 'failed';
  reason: string | null;
  inbound: number;
  statuses: number;
  applied: number;
  remote: string | null;
}

/** Calls the webhook log keeps at least (Settings shows the last 10, the API at most 200). */
export const WEBHOOK_LOG_KEEP = 2000;
/** The log is trimmed back to WEBHOOK_LOG_KEEP once every this many calls: one range delete, not one per call. */
export const WEBHOOK_LOG_TRIM_EVERY = 100;

export function insertWebhookLog(db: Db, e: Omit<WebhookLogEntry, 'id'>): void {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO sms_webhook_log (provider, at, http_status, outcome, reason, inbound, statuses, applied, remote) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(e.provider, e.at, e.http_status, e.outcome, e.reason, e.inbound, e.statuses, e.applied, e.remote);
  // Keep the log bounded: a misconfigured provider retrying all night must not grow the database. Ids only
  // grow (the newest row is never deleted), so every hundredth call trims what is older than the last 2,000.
  const id = Number(lastInsertRowid);
  if (id % WEBHOOK_LOG_TRIM_EVERY === 0) db.prepare('DELETE FROM sms_webhook_log WHERE id <= ?').run(id - WEBHOOK_LOG_KEEP);
}

export function recentWebhookLog(db: Db, limit: number): WebhookLogEntry[] {
  return db.prepare('SELECT * FROM sms_webhook_log ORDER BY id DESC LIMIT ?').all(limit) as WebhookLogEntry[];
}

export function insertOptOut(db: Db, o: { patientId: number; inboundMessageId: number | null; keyword: string; at: number }): number | null {
  const r = db
    .prepare('INSERT INTO sms_opt_outs (patient_id, inbound_message_id, keyword, at) VALUES (?, ?, ?, ?) ON CONFLICT(inbound_message_id) DO NOTHING')
    .run(o.patientId, o.inboundMessageId, o.keyword, o.at);
  return r.changes ? Number(r.lastInsertRowid) : null;
}

export function setOptOutConfirmation(db: Db, optOutId: number, messageId: number): void {
  db.prepare('UPDATE sms_opt_outs SET confirmation_message_id = ? WHERE id = ?').run(messageId, optOutId);
}

export function latestOptOut(db: Db, patientId: number): { keyword: string; at: number } | undefined {
  return db.prepare('SELECT keyword, at FROM sms_opt_outs WHERE patient_id = ? ORDER BY at DESC LIMIT 1').get(patientId) as
    | { keyword: string; at: number }
    | undefined;
}

/** Whether an automatic reminder went to the conversation since `since` (then "NIE"/"NO" answers it, it is not an opt-out). */
export function reminderSentSince(db: Db, conversationId: number, since: number): boolean {
  return Boolean(
    db
      .prepare(`SELECT 1 FROM messages WHERE conversation_id = ? AND direction = 'out' AND kind LIKE 'reminder%' AND created_at >= ? LIMIT 1`)
      .get(conversationId, since),
  );
}

/** The outgoing message an outbox row carries, with its patient, for the send-time consent check. */
export function outboxMessageFacts(db: Db, outboxId: number): { kind: string; author: string | null; patientId: number } | undefined {
  return db
    .prepare(
      `SELECT m.kind AS kind, m.author AS author, c.patient_id AS patientId
       FROM outbox o JOIN messages m ON m.id = o.message_id JOIN conversations c ON c.id = m.conversation_id
       WHERE o.id = ?`,
    )
    .get(outboxId) as { kind: string; author: string | null; patientId: number } | undefined;
}

/** SMS the provider accepted but has not reported on, oldest first (served by messages_sms_awaiting_report). */
export function smsAwaitingReport(db: Db, since: number, limit: number): Array<{ providerId: string }> {
  return db
    .prepare(
      `SELECT provider_id AS providerId FROM messages
       WHERE channel = 'sms' AND direction = 'out' AND status = 'sent' AND provider_id IS NOT NULL AND created_at >= ?
       ORDER BY created_at LIMIT ?`,
    )
    .all(since, limit) as Array<{ providerId: string }>;
}
