import type { Db } from '../database';

export type MessageChannel = 'whatsapp' | 'sms' | 'note' | 'system';
export type MessageStatusValue = 'received' | 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

export interface MessageRow {
  id: number;
  conversation_id: number;
  channel: MessageChannel;
  direction: 'in' | 'out';
  kind: string;
  body: string;
  status: MessageStatusValue;
  failure_reason: string | null;
  provider_id: string | null;
  author: string | null;
  meta: string | null;
  created_at: number;
  status_at: number | null;
}

export interface NewMessage {
  conversationId: number;
  channel: MessageChannel;
  direction: 'in' | 'out';
  kind?: string;
  body: string;
  status: MessageStatusValue;
  providerId?: string | null;
  author?: string | null;
  meta?: Record<string, unknown> | null;
  at: number;
}

/** Inserts a message; a provider id already stored for the channel returns the existing row instead (re-delivery). */
export function insertMessage(db: Db, m: NewMessage): { row: MessageRow; created: boolean } {
  if (m.providerId) {
    const existing = findByProviderId(db, m.channel, m.providerId);
    if (existing) return { row: existing, created: false };
  }
  return { row: getMessage(db, appendMessage(db, m))!, created: true };
}

/**
 * The INSERT itself (same statement, indexes and triggers as insertMessage) without the re-delivery check
 * and the read-back: for bulk writers that know their rows are new (the benchmark's generator). Returns the id.
 */
export function appendMessage(db: Db, m: NewMessage): number {
  const r = db
    .prepare(
      `INSERT INTO messages (conversation_id, channel, direction, kind, body, status, provider_id, author, meta, created_at, status_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      m.conversationId,
      m.channel,
      m.direction,
      m.kind ?? 'text',
      m.body,
      m.status,
      m.providerId ?? null,
      m.author ?? null,
      m.meta ? JSON.stringify(m.meta) : null,
      m.at,
      m.at,
    );
  return Number(r.lastInsertRowid);
}

/**
 * Inserts a message unless its provider id is already stored for the channel (a re-delivery): one
 * statement instead of a lookup and an insert. Returns the stored row, or undefined for a re-delivery.
 */
export function insertNewMessage(db: Db, m: NewMessage): MessageRow | undefined {
  const meta = m.meta ? JSON.stringify(m.meta) : null;
  const kind = m.kind ?? 'text';
  const r = db
    .prepare(
      `INSERT INTO messages (conversation_id, channel, direction, kind, body, status, provider_id, author, meta, created_at, status_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    )
    .run(m.conversationId, m.channel, m.direction, kind, m.body, m.status, m.providerId ?? null, m.author ?? null, meta, m.at, m.at);
  if (r.changes === 0) return undefined;
  // The row as stored (no column has a default the INSERT leaves out): no read-back.
  return {
    id: Number(r.lastInsertRowid),
    conversation_id: m.conversationId,
    channel: m.channel,
    direction: m.direction,
    kind,
    body: m.body,
    status: m.status,
    failure_reason: null,
    provider_id: m.providerId ?? null,
    author: m.author ?? null,
    meta,
    created_at: m.at,
    status_at: m.at,
  };
}

export function getMessage(db: Db, id: number): MessageRow | undefined {
  return db.prepare('SELECT * FROM messages WHERE id = ?').get(id) as MessageRow | undefined;
}

export function findByProviderId(db: Db, channel: MessageChannel, providerId: string): MessageRow | undefined {
  return db.prepare('SELECT * FROM messages WHERE channel = ? AND provider_id = ?').get(channel, providerId) as MessageRow | undefined;
}

export function setMessageStatus(
  db: Db,
  id: number,
  status: MessageStatusValue,
  at: number,
  opts: { failureReason?: string | null; providerId?: string | null } = {},
): void {
  db.prepare(
    `UPDATE messages SET status = ?, status_at = ?, failure_reason = ?, provider_id = COALESCE(?, provider_id) WHERE id = ?`,
  ).run(status, at, opts.failureReason ?? null, opts.providerId ?? null, id);
}

export function timelineMessages(db: Db, conversationId: number, limit = 500): MessageRow[] {
  return db
    .prepare('SELECT * FROM (SELECT * FROM messages WHERE conversation_id = ? ORDER BY created_at DESC, id DESC LIMIT ?) ORDER BY created_at, id')
    .all(conversationId, limit) as MessageRow[];
}

export function countInbound(db: Db, conversationId: number): number {
  return (db.prepare("SELECT count(*) AS n FROM messages WHERE conversation_id = ? AND direction = 'in'").get(conversationId) as { n: number }).n;
}

/**
 * Where an older timeline page ends: the oldest item shown so far, in timeline order (time, calls before
 * messages at the same millisecond, then id). `call` is 1 for a call, 0 for a message.
 */
export interface TimelineCursor {
  at: number;
  call: 0 | 1;
  id: number;
}

/** The newest `limit` messages strictly before `before` (all when null), newest first: one range of messages_timeline. */
export function messagesBefore(db: Db, conversationId: number, limit: number, before: TimelineCursor | null): MessageRow[] {
  if (!before) {
    return db.prepare('SELECT * FROM messages WHERE conversation_id = ? ORDER BY created_at DESC, id DESC LIMIT ?').all(conversationId, limit) as MessageRow[];
  }
  // A message at the cursor's millisecond is older only than a message with a larger id (calls sort first).
  return db
    .prepare(
      `SELECT * FROM messages WHERE conversation_id = ? AND created_at <= ? AND (created_at < ? OR (? = 0 AND id < ?))
       ORDER BY created_at DESC, id DESC LIMIT ?`,
    )
    .all(conversationId, before.at, before.at, before.call, before.id, limit) as MessageRow[];
}
