import type { Migration } from '../migrate';

/**
 * Channel fallback after a permanent send failure: an automatic visit message whose outbox row was parked
 * (refused for good, or failing too long) is queued once on the patient's next consented channel. The
 * original row records what was decided, so a restart or the next scheduler pass never decides twice:
 * `fallback_state` 'queued' (with `fallback_message_id`), 'unreachable' (no other channel) or 'expired'
 * (the visit or the question was over by then). NULL: not failed, or not looked at yet.
 */
export const migration: Migration = {
  version: 161,
  name: 'visit-message-fallback',
  up(db) {
    db.exec(`
      ALTER TABLE visit_messages ADD COLUMN fallback_state TEXT CHECK (fallback_state IN ('queued','unreachable','expired'));
      ALTER TABLE visit_messages ADD COLUMN fallback_message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL;
      CREATE INDEX visit_messages_fallback_open ON visit_messages(created_at) WHERE fallback_state IS NULL AND message_id IS NOT NULL;
    `);
  },
};
