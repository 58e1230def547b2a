import type { Migration } from '../migrate';

/**
 * The delay broadcaster's state: per practitioner and clinic day the announced delay and the broadcast
 * mode; every change of that state is a numbered revision (part of each notice's idempotency key);
 * every notice decided is one row, written in the same transaction as its outbox row.
 */
export const migration: Migration = {
  version: 6,
  name: 'appointments',
  up(db) {
    db.exec(`
      CREATE TABLE practitioner_days (
        practitioner_id INTEGER NOT NULL REFERENCES practitioners(id) ON DELETE CASCADE,
        day TEXT NOT NULL,                      -- clinic-local YYYY-MM-DD
        revision INTEGER NOT NULL,              -- delay_revisions.id of the latest change
        announced_minutes INTEGER,              -- "+25 min"; NULL when none
        announced_at INTEGER,
        automatic INTEGER NOT NULL DEFAULT 0 CHECK (automatic IN (0,1)),
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (practitioner_id, day)
      );

      CREATE TABLE delay_revisions (
        id INTEGER PRIMARY KEY,
        practitioner_id INTEGER NOT NULL REFERENCES practitioners(id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        reason TEXT NOT NULL,                   -- announced, cleared, visit, clock, mode
        announced_minutes INTEGER,
        actor TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX delay_revisions_day ON delay_revisions(practitioner_id, day, id);

      CREATE TABLE delay_notices (
        id INTEGER PRIMARY KEY,
        appointment_id INTEGER NOT NULL REFERENCES appointments(id) ON DELETE CASCADE,
        patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
        revision_id INTEGER NOT NULL REFERENCES delay_revisions(id),
        day TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('delay','on_time')),
        channel TEXT NOT NULL CHECK (channel IN ('whatsapp','sms')),
        language TEXT,
        eta INTEGER NOT NULL,
        previous_eta INTEGER NOT NULL,
        message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
        idempotency_key TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL
      );
      -- "What did this patient last hear?" and "how many notices today?" are the broadcaster's hot queries.
      CREATE INDEX delay_notices_appointment ON delay_notices(appointment_id, id);
      CREATE INDEX delay_notices_patient_day ON delay_notices(patient_id, day);
      CREATE INDEX delay_notices_day ON delay_notices(day, revision_id);
    `);
  },
};
