import type { Db } from '../database';
import type { MessageRow } from './messages';

/** What the WhatsApp area changes on messages already stored (edits, deletions, reactions) and reads about its queue. */

/** Replaces a message's body and meta together (an edit keeps the previous body in meta). */
export function updateMessageContent(db: Db, id: number, body: string, meta: Record<string, unknown>): void {
  db.prepare('UPDATE messages SET body = ?, meta = ? WHERE id = ?').run(body, JSON.stringify(meta), id);
}

export function findWhatsAppMessage(db: Db, providerId: string): MessageRow | undefined {
  return db.prepare("SELECT * FROM messages WHERE channel = 'whatsapp' AND provider_id = ?").get(providerId) as MessageRow | undefined;
}

/** Messages waiting for WhatsApp (pending or being sent) and those parked after failing. */
export function whatsappQueue(db: Db): { queued: number; parked: number } {
  const rows = db
    .prepare("SELECT status, count(*) AS n FROM outbox WHERE channel = 'whatsapp' AND status IN ('pending','sending','parked') GROUP BY status")
    .all() as { status: string; n: number }[];
  const n = (s: string): number => rows.find((r) => r.status === s)?.n ?? 0;
  return { queued: n('pending') + n('sending'), parked: n('parked') };
}

/** The message an outbox row carries and its conversation (for the SMS fallback). */
export function outboxMessage(db: Db, outboxId: number): { messageId: number; conversationId: number; author: string | null } | undefined {
  return db
    .prepare(
      `SELECT m.id AS messageId, m.conversation_id AS conversationId, m.author AS author
       FROM outbox o JOIN messages m ON m.id = o.message_id WHERE o.id = ?`,
    )
    .get(outboxId) as { messageId: number; conversationId: number; author: string | null } | undefined;
}

/** Last WhatsApp message in and out, from the database (the health panel after a restart). */
export function lastWhatsAppTraffic(db: Db): { lastInboundAt: number | null; lastOutboundAt: number | null } {
  const row = db
    .prepare(
      `SELECT (SELECT max(created_at) FROM messages WHERE channel = 'whatsapp' AND direction = 'in') AS lastIn,
              (SELECT max(status_at) FROM messages WHERE channel = 'whatsapp' AND direction = 'out' AND status IN ('sent','delivered','read')) AS lastOut`,
    )
    .get() as { lastIn: number | null; lastOut: number | null };
  return { lastInboundAt: row.lastIn, lastOutboundAt: row.lastOut };
}

/**
 * Messages whose file was still downloading when the app stopped: the download is gone with the process,
 * so they say so instead of "downloading" forever. Returns how many were marked.
 */
export function markInterruptedMediaDownloads(db: Db, reason: string): number {
  return db
    .prepare(
      `UPDATE messages SET meta = json_remove(json_set(meta, '$.mediaError', ?), '$.mediaPending')
       WHERE channel = 'whatsapp' AND meta IS NOT NULL AND json_extract(meta, '$.mediaPending') = 1`,
    )
    .run(reason).changes;
}
