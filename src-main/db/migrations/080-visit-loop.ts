import type { Migration } from '../migrate';

/**
 * The visit loop: every automatic message about a visit (reminder, booking confirmation, reschedule or
 * cancellation notice, feedback request) is one `visit_messages` row, written in the same transaction as
 * its message and outbox row and keyed like it (UNIQUE idempotency_key), so a restart never sends twice.
 * `visit_message_appointments` records which visits a message is about, so a reply ("NIE") is matched
 * to exactly the visits the patient was asked about. A question (reminder, confirmation, feedback) stays
 * open until `asks_until`; the answer is stored on the row. Statistics count reminders sent / confirmed /
 * cancelled from these two tables (kind, answer).
 *
 * Appointments get a revision (raised by every change of time or practitioner: the key of a reschedule
 * notice), the time they were booked (reminders skip visits booked a few hours ahead) and the feedback score.
 * Conversations get a flag the manager sees (a low feedback score, an ambiguous answer).
 */
export const migration: Migration = {
  version: 80,
  name: 'visit-loop',
  up(db) {
    db.exec(`
      CREATE TABLE visit_messages (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('reminder','booking_confirmation','reschedule','cancellation','feedback','reply_ack')),
        patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
        conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
        idempotency_key TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL CHECK (channel IN ('whatsapp','sms')),
        language TEXT,
        fallback_reason TEXT,                 -- why not the preferred channel (no_consent, not_linked, ...)
        day TEXT,                             -- clinic-local YYYY-MM-DD of the visits (reminders: one per patient per day)
        created_at INTEGER NOT NULL,
        asks_until INTEGER,                   -- an answer is read as one until then; NULL: not a question
        answer TEXT CHECK (answer IN ('confirmed','cancelled','ambiguous','score')),
        answered_at INTEGER,
        answer_message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
        score INTEGER CHECK (score BETWEEN 1 AND 5)
      );
      CREATE INDEX visit_messages_open ON visit_messages(conversation_id, asks_until) WHERE asks_until IS NOT NULL AND answer IS NULL;
      CREATE INDEX visit_messages_kind_day ON visit_messages(kind, day);

      CREATE TABLE visit_message_appointments (
        visit_message_id INTEGER NOT NULL REFERENCES visit_messages(id) ON DELETE CASCADE,
        appointment_id INTEGER NOT NULL REFERENCES appointments(id) ON DELETE CASCADE,
        PRIMARY KEY (visit_message_id, appointment_id)
      );
      CREATE INDEX visit_message_appointments_appointment ON visit_message_appointments(appointment_id);

      ALTER TABLE appointments ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE appointments ADD COLUMN booked_at INTEGER;
      ALTER TABLE appointments ADD COLUMN feedback_score INTEGER CHECK (feedback_score BETWEEN 1 AND 5);

      ALTER TABLE conversations ADD COLUMN flag TEXT;      -- 'low_score' | 'ambiguous_answer'; NULL when none
      ALTER TABLE conversations ADD COLUMN flagged_at INTEGER;
    `);
  },
};
