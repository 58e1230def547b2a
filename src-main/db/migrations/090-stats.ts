import type { Migration } from '../migrate';

/**
 * Manager statistics (issue 18). Indexes designed from EXPLAIN QUERY PLAN of db/repositories/stats*.ts on the bench
 * database (100,000 patients, 1,000,000 messages):
 * - messages_stats_range: a period's messages are one range scan that never reads the table (covering: channel,
 *   direction, conversation, author), instead of a full scan of messages.
 * - messages_turns: per conversation, only patient messages and human replies (the "turns" of first-response time),
 *   so "was this patient already waiting when the period began?" and "when did the first human reply come after
 *   it ended?" are one index seek each, skipping automatic replies without reading them.
 * - conversations_created, callback_tasks_missed: new conversations and missed callers of a period by range.
 * - sms_usage: one row per SMS a provider accepted, with the provider and the segments billed (counted on the text
 *   actually sent, after transliteration); the cost the clinics watch. Not tied to messages by a foreign key: the
 *   cost stays when a patient's messages are erased. UNIQUE outbox row: a send recorded twice counts once.
 */
export const migration: Migration = {
  version: 90,
  name: 'stats',
  up(db) {
    db.exec(`
      CREATE INDEX messages_stats_range ON messages(created_at, channel, direction, conversation_id, author);
      CREATE INDEX messages_turns ON messages(conversation_id, created_at, direction)
        WHERE channel IN ('whatsapp','sms') AND (direction = 'in' OR author IS NOT NULL);
      CREATE INDEX conversations_created ON conversations(created_at);
      CREATE INDEX callback_tasks_missed ON callback_tasks(first_missed_at);

      CREATE TABLE sms_usage (
        id INTEGER PRIMARY KEY,
        outbox_id INTEGER NOT NULL UNIQUE,
        provider TEXT NOT NULL,
        segments INTEGER NOT NULL CHECK (segments >= 0),
        sent_at INTEGER NOT NULL
      );
      CREATE INDEX sms_usage_sent ON sms_usage(sent_at, provider);
    `);
  },
};
