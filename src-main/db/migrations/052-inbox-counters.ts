import type { Migration } from '../migrate';

/**
 * The inbox's counts and filters without reading the conversations table:
 * - conversations.channels: a bit per channel the conversation ever used (1 WhatsApp, 2 SMS, 4 calls), set
 *   by triggers as messages and calls arrive or move (merge). The channel filter tests a bit on the row it
 *   already reads instead of probing messages once per conversation.
 * - inbox_counts: how many listed conversations (last_message_at set) have each (status, channels) pair,
 *   maintained by triggers on conversations. Status counts and the total of a (status set, channel) view
 *   are a sum over at most 32 rows, whatever the size of the clinic.
 * - conversations_active: the open and waiting ones (a small set) with what the counts of unanswered,
 *   mine and unread read, so those counts walk only the active conversations.
 */
export const migration: Migration = {
  version: 52,
  name: 'inbox-counters',
  up(db) {
    db.exec(`
      ALTER TABLE conversations ADD COLUMN channels INTEGER NOT NULL DEFAULT 0;
      UPDATE conversations SET channels =
          (CASE WHEN EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = conversations.id AND m.channel = 'whatsapp') THEN 1 ELSE 0 END)
        | (CASE WHEN EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = conversations.id AND m.channel = 'sms') THEN 2 ELSE 0 END)
        | (CASE WHEN EXISTS (SELECT 1 FROM calls k WHERE k.conversation_id = conversations.id) THEN 4 ELSE 0 END);

      CREATE TRIGGER conversations_channel_message AFTER INSERT ON messages WHEN new.channel IN ('whatsapp', 'sms') BEGIN
        UPDATE conversations SET channels = channels | (CASE new.channel WHEN 'whatsapp' THEN 1 ELSE 2 END)
          WHERE id = new.conversation_id AND channels & (CASE new.channel WHEN 'whatsapp' THEN 1 ELSE 2 END) = 0;
      END;
      CREATE TRIGGER conversations_channel_message_moved AFTER UPDATE OF conversation_id ON messages WHEN new.channel IN ('whatsapp', 'sms') BEGIN
        UPDATE conversations SET channels = channels | (CASE new.channel WHEN 'whatsapp' THEN 1 ELSE 2 END)
          WHERE id = new.conversation_id AND channels & (CASE new.channel WHEN 'whatsapp' THEN 1 ELSE 2 END) = 0;
      END;
      CREATE TRIGGER conversations_channel_call AFTER INSERT ON calls WHEN new.conversation_id IS NOT NULL BEGIN
        UPDATE conversations SET channels = channels | 4 WHERE id = new.conversation_id AND channels & 4 = 0;
      END;
      CREATE TRIGGER conversations_channel_call_moved AFTER UPDATE OF conversation_id ON calls WHEN new.conversation_id IS NOT NULL BEGIN
        UPDATE conversations SET channels = channels | 4 WHERE id = new.conversation_id AND channels & 4 = 0;
      END;

      CREATE TABLE inbox_counts (
        status TEXT NOT NULL,
        channels INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (status, channels)
      ) WITHOUT ROWID;
      INSERT INTO inbox_counts (status, channels, n)
        SELECT status, channels, count(*) FROM conversations WHERE last_message_at IS NOT NULL GROUP BY status, channels;

      CREATE TRIGGER inbox_counts_insert AFTER INSERT ON conversations WHEN new.last_message_at IS NOT NULL BEGIN
        INSERT INTO inbox_counts (status, channels, n) VALUES (new.status, new.channels, 1)
          ON CONFLICT (status, channels) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER inbox_counts_update AFTER UPDATE OF status, channels, last_message_at ON conversations
        WHEN old.status IS NOT new.status OR old.channels IS NOT new.channels OR (old.last_message_at IS NULL) IS NOT (new.last_message_at IS NULL)
      BEGIN
        UPDATE inbox_counts SET n = n - 1 WHERE old.last_message_at IS NOT NULL AND status = old.status AND channels = old.channels;
        INSERT INTO inbox_counts (status, channels, n) SELECT new.status, new.channels, 1 WHERE new.last_message_at IS NOT NULL
          ON CONFLICT (status, channels) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER inbox_counts_delete AFTER DELETE ON conversations WHEN old.last_message_at IS NOT NULL BEGIN
        UPDATE inbox_counts SET n = n - 1 WHERE status = old.status AND channels = old.channels;
      END;

      CREATE INDEX conversations_active ON conversations (status, waiting_since, assigned_to, unread_count)
        WHERE status IN ('open', 'waiting') AND last_message_at IS NOT NULL;
    `);
  },
};
