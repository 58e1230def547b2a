import type { Migration } from '../migrate';

/**
 * SMS gateway: one row per configured provider (plain settings as JSON, secrets sealed with the desk's
 * secret box, never in clear), a log of every webhook call (accepted or refused, with the reason, so IT
 * can see why a provider's callbacks fail), and the opt-outs received by keyword (UNIQUE inbound message:
 * the same STOP delivered twice is recorded and confirmed once). The partial index serves the poller,
 * which asks providers about SMS still waiting for a delivery report.
 */
export const migration: Migration = {
  version: 4,
  name: 'sms',
  up(db) {
    db.exec(`
      CREATE TABLE sms_providers (
        provider TEXT PRIMARY KEY CHECK (provider IN ('smsapi','android','twilio')),
        config TEXT NOT NULL,                 -- JSON: everything that is not a secret
        secrets BLOB NOT NULL,                -- sealed JSON: tokens, passwords, signing keys
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE sms_webhook_log (
        id INTEGER PRIMARY KEY,
        provider TEXT NOT NULL,
        at INTEGER NOT NULL,
        http_status INTEGER NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('accepted','rejected','failed')),
        reason TEXT,
        inbound INTEGER NOT NULL DEFAULT 0,
        statuses INTEGER NOT NULL DEFAULT 0,
        applied INTEGER NOT NULL DEFAULT 0,
        remote TEXT
      );
      CREATE INDEX sms_webhook_log_at ON sms_webhook_log(at DESC);

      CREATE TABLE sms_opt_outs (
        id INTEGER PRIMARY KEY,
        patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
        inbound_message_id INTEGER UNIQUE REFERENCES messages(id) ON DELETE SET NULL,
        keyword TEXT NOT NULL,
        at INTEGER NOT NULL,
        confirmation_message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL
      );
      CREATE INDEX sms_opt_outs_patient ON sms_opt_outs(patient_id, at);

      CREATE INDEX messages_sms_awaiting_report ON messages(created_at)
        WHERE channel = 'sms' AND direction = 'out' AND status = 'sent' AND provider_id IS NOT NULL;
    `);
  },
};
