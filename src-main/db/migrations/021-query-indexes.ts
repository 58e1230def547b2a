import type { Migration } from '../migrate';

/**
 * Indexes found missing by `clinic-desk bench` on 100,000 patients / 1,000,000 messages (EXPLAIN QUERY PLAN):
 * - the inbox list sorts by "waiting longest first, then latest message" (INBOX_ORDER in repositories/inbox.ts);
 *   with only conversations_inbox (status, …) SQLite sorted every matching conversation in a temporary
 *   b-tree for each page. This index is in that order (and covers the status filter), so the views that hold
 *   the done conversations read a page in order and stop at LIMIT/OFFSET (see where() in repositories/inbox.ts).
 * - open callback tasks are listed oldest miss first; the partial index holds only the open ones.
 */
export const migration: Migration = {
  version: 21,
  name: 'query-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX conversations_inbox_order
        ON conversations ((waiting_since IS NULL), waiting_since, last_message_at DESC, id, status)
        WHERE last_message_at IS NOT NULL;
      CREATE INDEX callback_tasks_open_oldest ON callback_tasks (first_missed_at, id) WHERE closed_at IS NULL;
    `);
  },
};
