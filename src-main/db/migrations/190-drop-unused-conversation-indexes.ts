import type { Migration } from '../migrate';

/**
 * Two indexes of conversations that no query reads any more, dropped because every message arriving paid
 * for them (issue 14, ingest): a message moves its conversation's last_message_at, and SQLite rewrote an
 * entry in each index holding that column — about 3 of the ~22 pages an inbound message commits at 100k.
 *
 * - conversations_inbox (status, waiting_since, last_message_at), 001: the inbox list reads
 *   conversations_unanswered, conversations_active and conversations_recent by name (INDEXED BY), and the
 *   counts come from inbox_counts and conversations_active (052).
 * - conversations_inbox_order ((waiting_since IS NULL), waiting_since, last_message_at DESC, id, status), 021:
 *   the single-pass inbox order it was built for became the two keyset runs of listInboxPage.
 *
 * Checked with EXPLAIN QUERY PLAN over every statement the test suite prepares that names conversations:
 * neither index appeared in a plan of the product's SQL, only in the tests' own full recounts.
 */
export const migration: Migration = {
  version: 190,
  name: 'drop-unused-conversation-indexes',
  up(db) {
    db.exec(`
      DROP INDEX IF EXISTS conversations_inbox;
      DROP INDEX IF EXISTS conversations_inbox_order;
    `);
  },
};
