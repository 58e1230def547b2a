import type { Migration } from '../migrate';

/**
 * When an attempt to send an outbox row began whose outcome is not known (the process died mid-call, or the
 * provider never answered). Written by the claim, before the call; cleared by any definite answer. A vendor
 * without idempotency keys (Twilio) looks for a message created since then before sending again.
 */
export const migration: Migration = {
  version: 31,
  name: 'outbox-uncertain',
  up(db) {
    db.exec('ALTER TABLE outbox ADD COLUMN uncertain_since INTEGER');
  },
};
