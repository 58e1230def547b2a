import type { Migration } from '../migrate';

/**
 * The inbox's own tables and the indexes its queries need:
 * - media: metadata of files stored by content hash under <dataDir>/media (the bytes are on disk);
 * - desk_users: names seen at the desk, for assignment;
 * - indexes for the snooze timer, the "mine" and "unanswered" filters, and last-channel filtering.
 */
export const migration: Migration = {
  version: 2,
  name: 'inbox',
  up(db) {
    db.exec(`
      CREATE TABLE media (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        mime TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('image','document','audio','video')),
        size INTEGER NOT NULL CHECK (size > 0),
        file_name TEXT,
        created_at INTEGER NOT NULL
      );

      CREATE TABLE desk_users (
        name TEXT PRIMARY KEY,
        last_seen_at INTEGER NOT NULL
      );

      -- The snooze timer looks for the next conversation to wake.
      CREATE INDEX conversations_snoozed ON conversations(snoozed_until) WHERE status = 'snoozed';
      -- "Mine" filter, in inbox order.
      CREATE INDEX conversations_assigned ON conversations(assigned_to, waiting_since, last_message_at) WHERE assigned_to IS NOT NULL;
      -- "Unanswered" filter: only conversations someone is waiting on, oldest first.
      CREATE INDEX conversations_unanswered ON conversations(waiting_since) WHERE waiting_since IS NOT NULL;
      -- Phone search by exact E.164 is the UNIQUE(kind, value) index; merges move calls and appointments by patient.
      CREATE INDEX calls_patient ON calls(patient_id, started_at);
    `);
  },
};
