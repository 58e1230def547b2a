import type { Migration } from '../migrate';
import { recomputeWaitsSql } from './091-conversation-waits';

/**
 * A message at the same millisecond as the conversation's newest turn no longer counts as arriving late, and a late
 * message rebuilds only the waits it can change, not the whole conversation (issue 14, ingest). WhatsApp dates
 * messages to the second, so a patient's second message within one second (a photo and its caption, an album, two
 * quick lines) found an "equal or later" turn, and the 091 triggers rebuilt every wait of the conversation: 75 ms on
 * a 9,700-message conversation instead of under 1 ms. A message that is really late (a history sync, a phone whose
 * clock is behind the desk's) rebuilt it all too, where only the waits from its own on can change.
 *
 * Turn order is unchanged (time, then patient message before reply, then id): a message is late only when a
 * turn sorts after it in that order. At the same millisecond that is a reply when the new message is the patient's,
 * or a turn of the same direction with a higher id (a row written with an explicit id); anything else appends in
 * place, as a message in a new millisecond always did.
 */
const TURN = (m: string): string => `${m}.channel IN ('whatsapp','sms') AND (${m}.direction = 'in' OR ${m}.author IS NOT NULL)`;

const LATER_TURN = `EXISTS (SELECT 1 FROM messages l WHERE l.conversation_id = NEW.conversation_id
  AND l.created_at >= NEW.created_at AND l.id <> NEW.id AND ${TURN('l')}
  AND (l.created_at > NEW.created_at OR l.direction > NEW.direction OR (l.direction = NEW.direction AND l.id > NEW.id)))`;

/**
 * Where a late message's rebuild starts. A wait answered before the message's millisecond cannot change: the message
 * sorts after its reply. Those waits are kept (they are a prefix: waits follow one another), every later one is
 * deleted, and the waits are recomputed from the turns after the last kept reply: the first patient message there
 * starts a wait, as it did in the whole-conversation rebuild (a patient message in the reply's millisecond sorts before
 * the reply and belongs to the kept wait; a desk message there starts nothing). None kept: the whole conversation.
 */
const LAST_KEPT_REPLY = `coalesce((SELECT max(responded_at) FROM conversation_waits WHERE conversation_id = NEW.conversation_id), -9223372036854775808)`;

export const migration: Migration = {
  version: 250,
  name: 'waits-same-millisecond',
  up(db) {
    db.exec(`
      DROP TRIGGER messages_waits_open;
      DROP TRIGGER messages_waits_answer;
      DROP TRIGGER messages_waits_insert_late;

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
        DELETE FROM conversation_waits WHERE conversation_id = NEW.conversation_id AND (responded_at IS NULL OR responded_at >= NEW.created_at);
        ${recomputeWaitsSql(`t.conversation_id = NEW.conversation_id AND t.created_at > ${LAST_KEPT_REPLY}`)};
      END;
    `);
  },
};
