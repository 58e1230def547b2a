import type { Db } from '../database';

/**
 * The statistics' reads of messages and conversations. Every query is a range or a seek on an index of migration
 * 090 (see its comment); plans are checked by test/main/db/statsPlans.test.ts.
 */

/** [conversationId, createdAt, direction, channel, author, isFallbackCopy] */
export type StatsMessageRow = [number, number, 'in' | 'out', 'whatsapp' | 'sms', string | null, 0 | 1];

/** The condition of the messages_turns partial index, repeated term for term so SQLite can use the index. */
const TURN = `m.channel IN ('whatsapp','sms') AND (m.direction = 'in' OR m.author IS NOT NULL)`;

/**
 * WhatsApp and SMS messages created in [from, to), unordered. The copy flag marks an SMS queued because WhatsApp
 * could not deliver a desk reply (smsFallback): a real SMS, but not a second reply by that person. Only rows with
 * an author read the table for it.
 */
export function messagesInRange(db: Db, from: number, to: number): StatsMessageRow[] {
  return db
    .prepare(
      `SELECT conversation_id, created_at, direction, channel, author,
         CASE WHEN direction = 'out' AND author IS NOT NULL THEN instr(coalesce(meta, ''), '"fallbackFor"') > 0 ELSE 0 END
       FROM messages INDEXED BY messages_stats_range
       WHERE created_at >= ? AND created_at < ? AND channel IN ('whatsapp','sms')`,
    )
    .raw()
    .all(from, to) as StatsMessageRow[];
}

/** Of these conversations, those whose patient was waiting at `at`: the last turn before it was a patient message. */
export function waitingAt(db: Db, conversationIds: readonly number[], at: number): Set<number> {
  if (conversationIds.length === 0) return new Set();
  const rows = db
    .prepare(
      `SELECT j.value FROM json_each(?) j
       WHERE (SELECT m.direction FROM messages m INDEXED BY messages_turns
              WHERE m.conversation_id = j.value AND m.created_at < ? AND ${TURN}
              ORDER BY m.created_at DESC LIMIT 1) = 'in'`,
    )
    .raw()
    .all(JSON.stringify(conversationIds), at) as [number][];
  return new Set(rows.map((r) => r[0]));
}

/** The first human reply at or after `at` in each of these conversations (absent: none yet). */
export function firstHumanReplyFrom(db: Db, conversationIds: readonly number[], at: number): Map<number, number> {
  if (conversationIds.length === 0) return new Map();
  const rows = db
    .prepare(
      `SELECT j.value, (SELECT m.created_at FROM messages m INDEXED BY messages_turns
              WHERE m.conversation_id = j.value AND m.created_at >= ? AND ${TURN} AND m.direction = 'out'
              ORDER BY m.created_at LIMIT 1) AS replied
       FROM json_each(?) j`,
    )
    .raw()
    .all(at, JSON.stringify(conversationIds)) as [number, number | null][];
  return new Map(rows.filter((r) => r[1] !== null).map((r) => [r[0], r[1]!]));
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
