import type { Migration } from '../migrate';

/**
 * The same fallback decision as migration 161, for delay notices: a notice parked for good on one channel is
 * queued once on the next consented one while it still matters (the patient not arrived, the ETA ahead, no
 * newer notice), else recorded 'expired'.
 */
export const migration: Migration = {
  version: 162,
  name: 'delay-notice-fallback',
  up(db) {
    db.exec(`
      ALTER TABLE delay_notices ADD COLUMN fallback_state TEXT CHECK (fallback_state IN ('queued','unreachable','expired'));
      ALTER TABLE delay_notices ADD COLUMN fallback_message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL;
      CREATE INDEX delay_notices_fallback_open ON delay_notices(created_at) WHERE fallback_state IS NULL AND message_id IS NOT NULL;
    `);
  },
};
