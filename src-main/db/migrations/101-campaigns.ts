import type { Migration } from '../migrate';

/**
 * Campaigns, saved segments and the automations (birthday, recall):
 * - `segments`: a saved audience, its definition as JSON (compiled to SQL by db/repositories/segments.ts);
 * - `campaigns`: a segment + template, its pace and state; birthday and recall sends are campaigns of their kind;
 * - `campaign_recipients`: the audience materialised when the campaign starts, one row a patient. The dispatcher
 *   decides each row (queued with its message, or refused with the consent reason) in the SAME transaction that
 *   writes its outbox row, whose idempotency key is `campaign:<id>:<patient>`: a crash resumes with no patient
 *   skipped and none messaged twice;
 * - `automation_sends`: "one birthday greeting per patient per year", "one recall every M months" as UNIQUE keys.
 */
export const migration: Migration = {
  version: 101,
  name: 'campaigns',
  up(db) {
    db.exec(`
      CREATE TABLE segments (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        definition TEXT NOT NULL,              -- JSON SegmentDefinition
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE campaigns (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'campaign' CHECK (kind IN ('campaign','birthday','recall')),
        segment TEXT NOT NULL,                 -- JSON SegmentDefinition as it was when the campaign was made
        template_id INTEGER REFERENCES templates(id) ON DELETE SET NULL,
        variants TEXT NOT NULL,                -- JSON {language: body}, frozen at creation
        channels TEXT NOT NULL,                -- JSON ["whatsapp","sms"] in order of preference
        per_minute INTEGER NOT NULL CHECK (per_minute BETWEEN 1 AND 6000),
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','scheduled','running','paused','cancelled','done')),
        scheduled_at INTEGER,
        started_at INTEGER,
        finished_at INTEGER,
        next_dispatch_at INTEGER,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX campaigns_active ON campaigns(status, next_dispatch_at) WHERE status IN ('scheduled','running');

      CREATE TABLE campaign_recipients (
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,                  -- dispatch order
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','queued','refused','cancelled')),
        channel TEXT CHECK (channel IN ('whatsapp','sms')),
        language TEXT,
        refusal TEXT,                          -- consent reason code when refused
        message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
        decided_at INTEGER,
        PRIMARY KEY (campaign_id, patient_id)
      ) WITHOUT ROWID;
      CREATE INDEX campaign_recipients_next ON campaign_recipients(campaign_id, state, seq);
      CREATE INDEX campaign_recipients_message ON campaign_recipients(message_id) WHERE message_id IS NOT NULL;
      CREATE INDEX campaign_recipients_patient ON campaign_recipients(patient_id);

      CREATE TABLE automation_sends (
        kind TEXT NOT NULL CHECK (kind IN ('birthday','recall')),
        patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
        period TEXT NOT NULL,                  -- birthday: YYYY; recall: the month the recall went, YYYY-MM
        campaign_id INTEGER REFERENCES campaigns(id) ON DELETE SET NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (kind, patient_id, period)
      ) WITHOUT ROWID;
      CREATE INDEX automation_sends_patient ON automation_sends(patient_id, kind, at);
    `);
  },
};
