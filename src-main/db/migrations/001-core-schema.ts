import type { Migration } from '../migrate';

/** The core tables every area builds on. Times are integer milliseconds since the epoch (UTC). */
export const migration: Migration = {
  version: 1,
  name: 'core-schema',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL -- JSON
      );

      CREATE TABLE patients (
        id INTEGER PRIMARY KEY,
        first_name TEXT NOT NULL DEFAULT '',
        last_name TEXT NOT NULL DEFAULT '',
        language TEXT,                       -- BCP 47 primary tag: it, pl, en, de, fr, es, uk
        preferred_channel TEXT CHECK (preferred_channel IN ('whatsapp','sms')),
        birth_date TEXT,                     -- YYYY-MM-DD
        sex TEXT CHECK (sex IN ('f','m','x')),
        notes TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]',     -- JSON array of strings
        merged_into INTEGER REFERENCES patients(id),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE patient_identities (
        id INTEGER PRIMARY KEY,
        patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('phone','whatsapp')),
        value TEXT NOT NULL,                 -- E.164 for phone, JID or LID for whatsapp
        label TEXT,
        created_at INTEGER NOT NULL,
        UNIQUE (kind, value)
      );
      CREATE INDEX patient_identities_patient ON patient_identities(patient_id);

      CREATE TABLE patient_consents (
        patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('whatsapp','sms','marketing')),
        granted INTEGER NOT NULL CHECK (granted IN (0,1)),
        at INTEGER NOT NULL,
        source TEXT NOT NULL,                -- 'form', 'patient message', 'opt-out keyword', 'import', 'desk'
        PRIMARY KEY (patient_id, kind)
      );

      CREATE TABLE conversations (
        id INTEGER PRIMARY KEY,
        patient_id INTEGER NOT NULL UNIQUE REFERENCES patients(id) ON DELETE CASCADE,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','waiting','snoozed','done')),
        snoozed_until INTEGER,
        assigned_to TEXT,
        unread_count INTEGER NOT NULL DEFAULT 0,
        waiting_since INTEGER,               -- oldest inbound not yet answered; NULL when answered
        last_message_at INTEGER,
        last_channel TEXT,
        last_preview TEXT NOT NULL DEFAULT '',
        last_direction TEXT,
        created_at INTEGER NOT NULL
      );
      -- The inbox default order: unanswered first, oldest waiting first, then most recent activity.
      CREATE INDEX conversations_inbox ON conversations(status, waiting_since, last_message_at);
      CREATE INDEX conversations_recent ON conversations(last_message_at DESC);

      CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        channel TEXT NOT NULL CHECK (channel IN ('whatsapp','sms','note','system')),
        direction TEXT NOT NULL CHECK (direction IN ('in','out')),
        kind TEXT NOT NULL DEFAULT 'text',
        body TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('received','queued','sent','delivered','read','failed')),
        failure_reason TEXT,
        provider_id TEXT,
        author TEXT,                          -- desk user for outgoing, NULL for patients and automations
        meta TEXT,                            -- JSON: media, quoted id, edit history, event details
        created_at INTEGER NOT NULL,
        status_at INTEGER
      );
      -- Re-delivery of the same provider message is stored once.
      CREATE UNIQUE INDEX messages_provider ON messages(channel, provider_id) WHERE provider_id IS NOT NULL;
      CREATE INDEX messages_timeline ON messages(conversation_id, created_at);

      CREATE TABLE calls (
        id INTEGER PRIMARY KEY,
        patient_id INTEGER REFERENCES patients(id) ON DELETE SET NULL,
        conversation_id INTEGER REFERENCES conversations(id) ON DELETE SET NULL,
        direction TEXT NOT NULL CHECK (direction IN ('in','out')),
        from_number TEXT,
        to_number TEXT,
        started_at INTEGER NOT NULL,
        ring_seconds INTEGER NOT NULL DEFAULT 0,
        talk_seconds INTEGER NOT NULL DEFAULT 0,
        result TEXT NOT NULL CHECK (result IN ('answered','missed','abandoned','voicemail','busy')),
        extension TEXT,
        source TEXT NOT NULL,                 -- manual, 3cx, asterisk, generic, ami, whatsapp, demo
        source_id TEXT,
        note TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX calls_source ON calls(source, source_id) WHERE source_id IS NOT NULL;
      CREATE INDEX calls_conversation ON calls(conversation_id, started_at);
      CREATE INDEX calls_started ON calls(started_at);

      CREATE TABLE practitioners (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        room TEXT,
        colour TEXT NOT NULL DEFAULT '#2563eb',
        visit_minutes INTEGER NOT NULL DEFAULT 30,
        active INTEGER NOT NULL DEFAULT 1
      );

      CREATE TABLE appointments (
        id INTEGER PRIMARY KEY,
        patient_id INTEGER REFERENCES patients(id) ON DELETE SET NULL,
        practitioner_id INTEGER NOT NULL REFERENCES practitioners(id),
        starts_at INTEGER NOT NULL,
        ends_at INTEGER NOT NULL,
        type TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'booked'
          CHECK (status IN ('booked','confirmed','checked_in','in_visit','done','no_show','cancelled')),
        external_uid TEXT UNIQUE,
        source TEXT NOT NULL DEFAULT 'desk',
        checked_in_at INTEGER,
        started_at INTEGER,
        finished_at INTEGER,
        notes TEXT NOT NULL DEFAULT '',
        CHECK (ends_at > starts_at)
      );
      CREATE INDEX appointments_day ON appointments(practitioner_id, starts_at);
      CREATE INDEX appointments_patient ON appointments(patient_id, starts_at);
      CREATE INDEX appointments_start ON appointments(starts_at);

      CREATE TABLE templates (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        shortcode TEXT NOT NULL UNIQUE,
        category TEXT NOT NULL DEFAULT 'general',
        variants TEXT NOT NULL DEFAULT '{}',  -- JSON {language: body}
        usage_count INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        idempotency_key TEXT NOT NULL UNIQUE,
        message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
        channel TEXT NOT NULL CHECK (channel IN ('whatsapp','sms')),
        to_phone TEXT,
        whatsapp_jid TEXT,
        body TEXT NOT NULL,
        media TEXT,                            -- JSON MediaRef
        first_contact INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sending','sent','parked','cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_error TEXT,
        last_error_code TEXT,
        provider_id TEXT,
        created_at INTEGER NOT NULL,
        sent_at INTEGER
      );
      CREATE INDEX outbox_due ON outbox(status, next_attempt_at);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT,
        details TEXT                          -- JSON
      );
      CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);

      -- Full-text search, kept in step by triggers. Patient names are a computed column, hence contentless.
      CREATE VIRTUAL TABLE messages_fts USING fts5(
        body, content='messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
        INSERT INTO messages_fts(rowid, body) VALUES (new.id, new.body);
      END;
      CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
        INSERT INTO messages_fts(messages_fts, rowid, body) VALUES ('delete', old.id, old.body);
      END;
      CREATE TRIGGER messages_fts_update AFTER UPDATE OF body ON messages BEGIN
        INSERT INTO messages_fts(messages_fts, rowid, body) VALUES ('delete', old.id, old.body);
        INSERT INTO messages_fts(rowid, body) VALUES (new.id, new.body);
      END;

      CREATE VIRTUAL TABLE patients_fts USING fts5(
        name, notes, content='', tokenize='unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER patients_fts_insert AFTER INSERT ON patients BEGIN
        INSERT INTO patients_fts(rowid, name, notes) VALUES (new.id, new.first_name || ' ' || new.last_name, new.notes);
      END;
      CREATE TRIGGER patients_fts_delete AFTER DELETE ON patients BEGIN
        INSERT INTO patients_fts(patients_fts, rowid, name, notes)
          VALUES ('delete', old.id, old.first_name || ' ' || old.last_name, old.notes);
      END;
      CREATE TRIGGER patients_fts_update AFTER UPDATE OF first_name, last_name, notes ON patients BEGIN
        INSERT INTO patients_fts(patients_fts, rowid, name, notes)
          VALUES ('delete', old.id, old.first_name || ' ' || old.last_name, old.notes);
        INSERT INTO patients_fts(rowid, name, notes) VALUES (new.id, new.first_name || ' ' || new.last_name, new.notes);
      END;
    `);
  },
};
