import type { Migration } from '../migrate';

/**
 * The active inbox's counts and lists at a cost that does not grow with the clinic (issue 14, growth table):
 * - inbox_active_tally: per assignee ('' for nobody), how many active conversations (open or waiting, listed)
 *   they hold, how many of them wait for an answer, and their unread messages. Maintained by triggers on
 *   conversations, so inbox.counts sums a row per desk user instead of walking every active conversation.
 *   The frequent write (a message to an active conversation, same assignee) costs one UPDATE of one row.
 * - conversations_waiting_order replaces conversations_unanswered (002): the waiting run of the inbox in its
 *   exact order (oldest wait, then latest activity, then id) with what its filters test, so a page reads its
 *   rows in order and stops at the page size instead of sorting every waiting conversation.
 * - conversations_active_recent: the active conversations nobody waits on, by latest activity, with their
 *   status, channel bits and assignee: the second run of an active view (any channel filter) walks it and stops.
 * - conversations_inbox_order (021) and conversations_active (052) go: the list reads conversations_recent and
 *   the two indexes above, the counts read the tallies, and every message rewrote their entries, which ingest
 *   paid for.
 */
const ACTIVE = (r: 'new' | 'old'): string => `(${r}.status IN ('open', 'waiting') AND ${r}.last_message_at IS NOT NULL)`;

export const migration: Migration = {
  version: 230,
  name: 'inbox-active-tally',
  up(db) {
    db.exec(`
      CREATE TABLE inbox_active_tally (
        assignee TEXT NOT NULL PRIMARY KEY,
        n INTEGER NOT NULL,
        unanswered INTEGER NOT NULL,
        unread INTEGER NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO inbox_active_tally (assignee, n, unanswered, unread)
        SELECT coalesce(assigned_to, ''), count(*), sum(waiting_since IS NOT NULL), sum(unread_count)
        FROM conversations WHERE status IN ('open', 'waiting') AND last_message_at IS NOT NULL
        GROUP BY coalesce(assigned_to, '');

      CREATE TRIGGER inbox_active_tally_insert AFTER INSERT ON conversations WHEN ${ACTIVE('new')} BEGIN
        INSERT INTO inbox_active_tally (assignee, n, unanswered, unread)
          VALUES (coalesce(new.assigned_to, ''), 1, new.waiting_since IS NOT NULL, new.unread_count)
          ON CONFLICT (assignee) DO UPDATE SET n = n + 1, unanswered = unanswered + excluded.unanswered, unread = unread + excluded.unread;
      END;
      -- Still active, same assignee: the common case (a message in, a reply out, a read) moves one row's figures.
      CREATE TRIGGER inbox_active_tally_change AFTER UPDATE OF status, last_message_at, waiting_since, unread_count, assigned_to ON conversations
        WHEN ${ACTIVE('old')} AND ${ACTIVE('new')} AND old.assigned_to IS new.assigned_to
          AND ((old.waiting_since IS NULL) IS NOT (new.waiting_since IS NULL) OR old.unread_count IS NOT new.unread_count)
      BEGIN
        UPDATE inbox_active_tally
          SET unanswered = unanswered + (new.waiting_since IS NOT NULL) - (old.waiting_since IS NOT NULL), unread = unread + new.unread_count - old.unread_count
          WHERE assignee = coalesce(new.assigned_to, '');
      END;
      -- Entering or leaving the active set, or changing hands: out of the old row, into the new one.
      CREATE TRIGGER inbox_active_tally_move AFTER UPDATE OF status, last_message_at, waiting_since, unread_count, assigned_to ON conversations
        WHEN ${ACTIVE('old')} IS NOT ${ACTIVE('new')} OR (${ACTIVE('old')} AND old.assigned_to IS NOT new.assigned_to)
      BEGIN
        UPDATE inbox_active_tally
          SET n = n - 1, unanswered = unanswered - (old.waiting_since IS NOT NULL), unread = unread - old.unread_count
          WHERE ${ACTIVE('old')} AND assignee = coalesce(old.assigned_to, '');
        INSERT INTO inbox_active_tally (assignee, n, unanswered, unread)
          SELECT coalesce(new.assigned_to, ''), 1, new.waiting_since IS NOT NULL, new.unread_count WHERE ${ACTIVE('new')}
          ON CONFLICT (assignee) DO UPDATE SET n = n + 1, unanswered = unanswered + excluded.unanswered, unread = unread + excluded.unread;
      END;
      CREATE TRIGGER inbox_active_tally_delete AFTER DELETE ON conversations WHEN ${ACTIVE('old')} BEGIN
        UPDATE inbox_active_tally
          SET n = n - 1, unanswered = unanswered - (old.waiting_since IS NOT NULL), unread = unread - old.unread_count
          WHERE assignee = coalesce(old.assigned_to, '');
      END;

      DROP INDEX conversations_unanswered;
      CREATE INDEX conversations_waiting_order ON conversations (waiting_since, last_message_at DESC, id, status, channels, assigned_to)
        WHERE waiting_since IS NOT NULL;
      CREATE INDEX conversations_active_recent ON conversations (last_message_at DESC, id, status, channels, assigned_to)
        WHERE status IN ('open', 'waiting') AND last_message_at IS NOT NULL AND waiting_since IS NULL;
      DROP INDEX IF EXISTS conversations_inbox_order;
      DROP INDEX conversations_active;
    `);
  },
};
