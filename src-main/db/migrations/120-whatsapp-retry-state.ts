import type { Migration } from '../migrate';

/**
 * What a WhatsApp retry request needs after the app restarted (Baileys rc14 lib/Socket/messages-recv.js
 * sendMessagesAgain: msgRetryCounterCache + getMessage).
 * - `whatsapp_retry_counts`: Baileys' resend count per `messageId:participant`, with its expiry, so a phone stuck
 *   in a retry loop stops getting resends at maxMsgRetryCount even across restarts.
 * - `whatsapp_sent_content`: the exact message content we sent (protobuf, sealed with the desk's key), so a
 *   resend of a photo or PDF carries the same media keys instead of nothing; pruned after a week.
 */
export const migration: Migration = {
  version: 120,
  name: 'whatsapp-retry-state',
  up(db) {
    db.exec(`
      CREATE TABLE whatsapp_retry_counts (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX whatsapp_retry_counts_expiry ON whatsapp_retry_counts(expires_at);

      CREATE TABLE whatsapp_sent_content (
        provider_id TEXT PRIMARY KEY,
        content BLOB NOT NULL,
        sent_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX whatsapp_sent_content_at ON whatsapp_sent_content(sent_at);
    `);
  },
};
