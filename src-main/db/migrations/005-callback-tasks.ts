import type { Migration } from '../migrate';

/**
 * The call log's work list and its cross-source identity.
 * - `calls.dedupe_key`: one call seen by two feeds (the live AMI link, then the night's Master.csv: both carry
 *   Asterisk's Linkedid) is stored once. UNIQUE, so a re-import inserts nothing.
 * - `callback_tasks`: one OPEN task per caller is a partial UNIQUE index, not a hope; later misses raise
 *   `missed_count`; `closed_at - first_missed_at` is the callback time the statistics report.
 * - `text_backs`: the "one text-back per caller per clinic day" rule is UNIQUE(phone, local_day).
 */
export const migration: Migration = {
  version: 5,
  name: 'callback-tasks',
  up(db) {
    db.exec(`
      ALTER TABLE calls ADD COLUMN dedupe_key TEXT;
      UPDATE calls SET dedupe_key = source || ':' || source_id WHERE source_id IS NOT NULL AND source NOT IN ('ami', 'asterisk');
      CREATE UNIQUE INDEX calls_dedupe ON calls(dedupe_key) WHERE dedupe_key IS NOT NULL;
      -- Live AMI and Master.csv share Asterisk's Linkedid; a pair already stored twice keeps its second row unkeyed.
      UPDATE OR IGNORE calls SET dedupe_key = 'asterisk:' || source_id WHERE source_id IS NOT NULL AND source IN ('ami', 'asterisk');
      CREATE INDEX calls_result ON calls(result, started_at);

      CREATE TABLE callback_tasks (
        id INTEGER PRIMARY KEY,
        phone TEXT NOT NULL,                  -- the caller, E.164 when it could be read, else the PBX digits
        patient_id INTEGER REFERENCES patients(id) ON DELETE SET NULL,
        conversation_id INTEGER REFERENCES conversations(id) ON DELETE SET NULL,
        first_missed_at INTEGER NOT NULL,
        last_missed_at INTEGER NOT NULL,
        missed_count INTEGER NOT NULL DEFAULT 1 CHECK (missed_count >= 1),
        last_call_id INTEGER REFERENCES calls(id) ON DELETE SET NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_attempt_at INTEGER,
        closed_at INTEGER,
        close_reason TEXT CHECK (close_reason IN ('called_back','caller_got_through','dismissed')),
        closed_by TEXT,
        created_at INTEGER NOT NULL,
        CHECK ((closed_at IS NULL) = (close_reason IS NULL))
      );
      CREATE UNIQUE INDEX callback_tasks_open_phone ON callback_tasks(phone) WHERE closed_at IS NULL;
      CREATE INDEX callback_tasks_open ON callback_tasks(closed_at, last_missed_at);
      CREATE INDEX callback_tasks_patient ON callback_tasks(patient_id);

      CREATE TABLE text_backs (
        id INTEGER PRIMARY KEY,
        phone TEXT NOT NULL,
        local_day TEXT NOT NULL,              -- YYYY-MM-DD in the clinic's time zone
        call_id INTEGER REFERENCES calls(id) ON DELETE SET NULL,
        message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
        channel TEXT NOT NULL CHECK (channel IN ('sms','whatsapp')),
        at INTEGER NOT NULL,
        UNIQUE (phone, local_day)
      );
      CREATE INDEX text_backs_phone ON text_backs(phone, at);
    `);
  },
};
