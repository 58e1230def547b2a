import type { Migration } from '../migrate';
import { recomputeWaitsSql } from './091-conversation-waits';

/**
 * A message at the same millisecond as the conversation's newest turn no longer counts as arriving late
 * (issue 14, ingest). WhatsApp dates messages to the second, so a patient's second message within one second
 * (a photo and its caption, an album, two quick lines) found an "equal or later" turn and the 091 triggers
 * rebuilt every wait of the conversation: 70 ms on a 9,700-message conversation instead of under 1 ms.
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
        DELETE FROM conversation_waits WHERE conversation_id = NEW.conversation_id;
        ${recomputeWaitsSql('t.conversation_id = NEW.conversation_id')};
      END;
    `);
  },
};
