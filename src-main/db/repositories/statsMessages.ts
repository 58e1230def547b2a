import { prepareRaw, type Db } from '../database';

/**
 * The statistics' reads of messages and conversations. Every query is a range or a seek on an index of migration
 * 090 and 091 (see their comments); plans are checked by test/main/db/statsPlans.test.ts.
 */

/** [conversationId, createdAt, direction, channel, author, isFallbackCopy] */
export type StatsMessageRow = [number, number, 'in' | 'out', 'whatsapp' | 'sms', string | null, 0 | 1];

/**
 * WhatsApp and SMS messages created in [from, to), unordered. The copy flag marks an SMS queued because WhatsApp
 * could not deliver a desk reply (smsFallback): a real SMS, but not a second reply by that person. Only rows with
 * an author read the table for it.
 */
export function messagesInRange(db: Db, from: number, to: number): StatsMessageRow[] {
  return prepareRaw(
    db,
    `SELECT conversation_id, created_at, direction, channel, author,
       CASE WHEN direction = 'out' AND author IS NOT NULL THEN instr(coalesce(meta, ''), '"fallbackFor"') > 0 ELSE 0 END
     FROM messages INDEXED BY messages_stats_range
     WHERE created_at >= ? AND created_at < ? AND channel IN ('whatsapp','sms')`,
  ).all(from, to) as StatsMessageRow[];
}

/** [conversationId, startAt, respondedAt]: a wait and its first human reply (null: none yet). */
export type StatsWaitRow = [number, number, number | null];

/**
 * The waits that started in [from, to), with their reply even when it came after `to`: one range read of the
 * covering index of migration 091 (conversation_waits is kept by triggers on messages).
 */
export function waitsStartedIn(db: Db, from: number, to: number): StatsWaitRow[] {
  return prepareRaw(
    db,
    `SELECT conversation_id, start_at, responded_at FROM conversation_waits INDEXED BY conversation_waits_start
     WHERE start_at >= ? AND start_at < ?`,
  ).all(from, to) as StatsWaitRow[];
}

export interface NewConversationRow {
  id: number;
  firstMessageAt: number | null;
  firstMessageChannel: 'whatsapp' | 'sms' | null;
  firstCallAt: number | null;
  firstCallSource: string | null;
}

/** Conversations created in [from, to) with what came first: a message (on which channel) or a call (from where). */
export function newConversations(db: Db, from: number, to: number): NewConversationRow[] {
  return db
    .prepare(
      `SELECT c.id,
         fm.created_at AS firstMessageAt, fm.channel AS firstMessageChannel,
         fc.started_at AS firstCallAt, fc.source AS firstCallSource
       FROM conversations c INDEXED BY conversations_created
       LEFT JOIN messages fm ON fm.id = (SELECT m.id FROM messages m WHERE m.conversation_id = c.id AND m.channel IN ('whatsapp','sms')
                                         ORDER BY m.created_at, m.id LIMIT 1)
       LEFT JOIN calls fc ON fc.id = (SELECT k.id FROM calls k WHERE k.conversation_id = c.id ORDER BY k.started_at, k.id LIMIT 1)
       WHERE c.created_at >= ? AND c.created_at < ?`,
    )
    .all(from, to) as NewConversationRow[];
}
