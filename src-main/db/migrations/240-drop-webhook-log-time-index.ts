import type { Migration } from '../migrate';

/**
 * sms_webhook_log_at (004) is read by no query: Settings shows the newest lines by id, and the log is trimmed
 * by id. Every webhook paid for it (one more index page in its commit), so it goes (issue 14, ingest).
 */
export const migration: Migration = {
  version: 240,
  name: 'drop-webhook-log-time-index',
  up(db) {
    db.exec('DROP INDEX IF EXISTS sms_webhook_log_at;');
  },
};
