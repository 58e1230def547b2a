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
  return { row: getMessage(db, Number(r.lastInsertRowid))!, created: true };
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
