import type { Migration } from '../migrate';

/**
 * The statistics' closed days, computed once and kept (issue 18: a 30-day report at 1,000,000 messages read every
 * message of the month, over 1 s of wall time on a loaded desk). One row per clinic date holds that day's additive
 * figures (contacts per channel, replies per person, contacts per hour, missed calls, unanswered at closing) as
 * JSON; a 30-day report then reads 30 rows instead of ~40,000 messages. Today is never stored: its figures are
 * computed live.
 *
 * `basis` is the time zone and opening hours the figures were computed under (closing time and the local hour
 * depend on them): a row of another basis is recomputed, so a change of settings never shows stale figures.
 *
 * A row is dropped as soon as a write could change it, by triggers on the rows its figures come from: a message
 * (WhatsApp/SMS) or a call inserted, changed or deleted with a time inside a stored day — a late history sync, a
 * PBX import of last week, a merge (moves messages between conversations), an erasure, a retention purge — and a
 * first-response wait (conversation_waits, migration 091) that started that day and changed: the reply to last
 * Friday's message sent on Monday. Live writes land today, after every stored day: `stats_days_end` makes that
 * test one index seek, so ingest pays nothing more. The next report recomputes the dropped day from its rows, with the same code as a live day.
 */
const DROP_DAY_OF = (at: string): string => `DELETE FROM stats_days WHERE start_ms <= ${at} AND end_ms > ${at};`;
const STORED = (at: string): string => `${at} < (SELECT max(end_ms) FROM stats_days)`;
const FALLBACK = (m: string): string => `(instr(coalesce(${m}.meta, ''), '"fallbackFor"') > 0)`;

export const migration: Migration = {
  version: 170,
  name: 'stats-days',
  up(db) {
    db.exec(`
      CREATE TABLE stats_days (
        date TEXT PRIMARY KEY,
        basis TEXT NOT NULL,
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL,
        figures TEXT NOT NULL,
        computed_at INTEGER NOT NULL
      );
      CREATE INDEX stats_days_start ON stats_days(start_ms);
      CREATE INDEX stats_days_end ON stats_days(end_ms);

      CREATE TRIGGER stats_days_message_insert AFTER INSERT ON messages
      WHEN NEW.channel IN ('whatsapp','sms') AND ${STORED('NEW.created_at')} BEGIN
        ${DROP_DAY_OF('NEW.created_at')}
      END;

      CREATE TRIGGER stats_days_message_update AFTER UPDATE OF conversation_id, channel, direction, author, created_at, meta ON messages
      WHEN (OLD.channel IN ('whatsapp','sms') OR NEW.channel IN ('whatsapp','sms'))
        AND (${STORED('OLD.created_at')} OR ${STORED('NEW.created_at')})
        AND (OLD.conversation_id IS NOT NEW.conversation_id OR OLD.channel IS NOT NEW.channel OR OLD.direction IS NOT NEW.direction
          OR OLD.author IS NOT NEW.author OR OLD.created_at IS NOT NEW.created_at OR ${FALLBACK('OLD')} <> ${FALLBACK('NEW')})
      BEGIN
        ${DROP_DAY_OF('OLD.created_at')}
        ${DROP_DAY_OF('NEW.created_at')}
      END;

      CREATE TRIGGER stats_days_message_delete AFTER DELETE ON messages
      WHEN OLD.channel IN ('whatsapp','sms') AND ${STORED('OLD.created_at')} BEGIN
        ${DROP_DAY_OF('OLD.created_at')}
      END;

      CREATE TRIGGER stats_days_call_insert AFTER INSERT ON calls WHEN ${STORED('NEW.started_at')} BEGIN
        ${DROP_DAY_OF('NEW.started_at')}
      END;

      CREATE TRIGGER stats_days_call_update AFTER UPDATE OF direction, result, source, started_at ON calls
      WHEN (${STORED('OLD.started_at')} OR ${STORED('NEW.started_at')})
        AND (OLD.direction IS NOT NEW.direction OR OLD.result IS NOT NEW.result OR OLD.source IS NOT NEW.source OR OLD.started_at IS NOT NEW.started_at)
      BEGIN
        ${DROP_DAY_OF('OLD.started_at')}
        ${DROP_DAY_OF('NEW.started_at')}
      END;

      CREATE TRIGGER stats_days_wait_insert AFTER INSERT ON conversation_waits WHEN ${STORED('NEW.start_at')} BEGIN
        ${DROP_DAY_OF('NEW.start_at')}
      END;

      CREATE TRIGGER stats_days_wait_update AFTER UPDATE ON conversation_waits
      WHEN ${STORED('OLD.start_at')} OR ${STORED('NEW.start_at')} BEGIN
        ${DROP_DAY_OF('OLD.start_at')}
        ${DROP_DAY_OF('NEW.start_at')}
      END;

      CREATE TRIGGER stats_days_wait_delete AFTER DELETE ON conversation_waits WHEN ${STORED('OLD.start_at')} BEGIN
        ${DROP_DAY_OF('OLD.start_at')}
      END;

      CREATE TRIGGER stats_days_call_delete AFTER DELETE ON calls WHEN ${STORED('OLD.started_at')} BEGIN
        ${DROP_DAY_OF('OLD.started_at')}
      END;
    `);
  },
};
