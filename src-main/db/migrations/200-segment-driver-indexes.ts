import type { Migration } from '../migrate';

/**
 * Indexes a segment starts from (repositories/segments.ts): a segment with a bounded rule about visits or consents
 * reads the patients that rule names, then checks the rest on each of them, instead of reading every patient.
 * - patient_consents_granted: the patients who granted a kind of consent (marketing, whatsapp, sms), in id order;
 *   the primary key (patient_id, kind) only answers "did this patient grant it".
 * - appointments_type: the patients who had a visit of a type ("igiene"); appointments_day already answers it
 *   for a practitioner, appointments_start for a window of dates.
 */
export const migration: Migration = {
  version: 200,
  name: 'segment-driver-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX patient_consents_granted ON patient_consents (kind, patient_id) WHERE granted = 1;
      CREATE INDEX appointments_type ON appointments (type, patient_id);
    `);
  },
};
