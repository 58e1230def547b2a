import type { Migration } from '../migrate';

/**
 * First-response time by construction (issue 18). One row per wait: it starts at a patient message that finds the
 * patient not already waiting and ends at the first human reply after it (a desk user or the clinic's phone;
 * automatic replies, notices and text-backs are not replies). A period's waits are then one range read on
 * `conversation_waits_start`, instead of per-conversation seeks into messages for "already waiting when the period
 * began?" and "first reply after it ended?" (the cost of a 30-day report at 1,000,000 messages).
 *
 * Kept by triggers on messages, so every writer keeps it right without knowing about it: receiving, sending,
 * imports, a patient merge (moves messages: UPDATE of conversation_id), an erase (deletes messages, also by the
 * cascade from conversations). A message appended in time order opens or closes a wait in place; one that lands
 * before a later turn of its conversation (an import, a late history sync), an update and a delete recompute that
 * conversation's waits from its turns (a few rows, on the messages_turns index of migration 090).
 *
 * No foreign key to conversations on purpose: patientMerge moves every reference it finds in the schema, and the
 * waits must follow the messages' triggers instead, not be moved a second time.
 *
 * Turn order, as the statistics always used it: time, then patient message before reply at the same millisecond.
 */
const TURN = (m: string): string => `${m}.channel IN ('whatsapp','sms') AND (${m}.direction = 'in' OR ${m}.author IS NOT NULL)`;

/** The waits of the conversations matching `where` (on table alias t), recomputed from their turns. */
export const recomputeWaitsSql = (where: string, indexedBy = ''): string => `
  INSERT INTO conversation_waits (conversation_id, start_at, responded_at)
  SELECT conversation_id, created_at, replied FROM (
    SELECT t.conversation_id, t.created_at, t.direction,
      lag(t.direction) OVER w AS before,
      min(CASE WHEN t.direction = 'out' THEN t.created_at END) OVER (w ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS replied
    FROM messages t ${indexedBy}
    WHERE ${where} AND ${TURN('t')}
    WINDOW w AS (PARTITION BY t.conversation_id ORDER BY t.created_at, t.direction, t.id)
  ) WHERE direction = 'in' AND (before IS NULL OR before = 'out')`;

const LATER_TURN = `EXISTS (SELECT 1 FROM messages l WHERE l.conversation_id = NEW.conversation_id
  AND l.created_at >= NEW.created_at AND l.id <> NEW.id AND ${TURN('l')})`;

export const migration: Migration = {
  version: 91,
  name: 'conversation-waits',
  up(db) {
    db.exec(`
      CREATE TABLE conversation_waits (
        id INTEGER PRIMARY KEY,
        conversation_id INTEGER NOT NULL,
        start_at INTEGER NOT NULL,
        responded_at INTEGER
      );
      CREATE INDEX conversation_waits_start ON conversation_waits(start_at, conversation_id, responded_at);
      CREATE INDEX conversation_waits_conversation ON conversation_waits(conversation_id, responded_at);

      ${recomputeWaitsSql('1', 'INDEXED BY messages_turns')};

      -- Each case its own trigger, so an insert runs only the statements of its case (the WHEN decides).
      CREATE TRIGGER messages_waits_open AFTER INSERT ON messages
      WHEN NEW.channel IN ('whatsapp','sms') AND NEW.direction = 'in' AND NOT ${LATER_TURN} BEGIN
        INSERT INTO conversation_waits (conversation_id, start_at)
          SELECT NEW.conversation_id, NEW.created_at
          WHERE NOT EXISTS (SELECT 1 FROM conversation_waits WHERE conversation_id = NEW.conversation_id AND responded_at IS NULL);
      END;

      CREATE TRIGGER messages_waits_answer AFTER INSERT ON messages
      WHEN NEW.channel IN ('whatsapp','sms') AND NEW.direction = 'out' AND NEW.author IS NOT NULL AND NOT ${LATER_TURN} BEGIN
        UPDATE conversation_waits SET responded_at = NEW.created_at WHERE conversation_id = NEW.conversation_id AND responded_at IS NULL;
      END;

      CREATE TRIGGER messages_waits_insert_late AFTER INSERT ON messages WHEN ${TURN('NEW')} AND ${LATER_TURN} BEGIN
        DELETE FROM conversation_waits WHERE conversation_id = NEW.conversation_id;
        ${recomputeWaitsSql('t.conversation_id = NEW.conversation_id')};
      END;

      CREATE TRIGGER messages_waits_update AFTER UPDATE OF conversation_id, channel, direction, author, created_at ON messages
      WHEN (${TURN('OLD')} OR ${TURN('NEW')}) AND (OLD.conversation_id IS NOT NEW.conversation_id OR OLD.channel IS NOT NEW.channel
        OR OLD.direction IS NOT NEW.direction OR (OLD.author IS NULL) <> (NEW.author IS NULL) OR OLD.created_at IS NOT NEW.created_at)
      BEGIN
        DELETE FROM conversation_waits WHERE conversation_id IN (OLD.conversation_id, NEW.conversation_id);
        ${recomputeWaitsSql('t.conversation_id IN (OLD.conversation_id, NEW.conversation_id)')};
      END;

      CREATE TRIGGER messages_waits_delete AFTER DELETE ON messages WHEN ${TURN('OLD')} BEGIN
        DELETE FROM conversation_waits WHERE conversation_id = OLD.conversation_id;
        ${recomputeWaitsSql('t.conversation_id = OLD.conversation_id')};
      END;
    `);
  },
};
