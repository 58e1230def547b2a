import type { Migration } from '../migrate';

/**
 * Calls of numbers nobody knew yet are linked the moment the desk creates or merges the patient they
 * belong to. Only those calls (patient_id IS NULL) are searched, through this partial index, so the
 * look-up stays small however long the clinic's call log grows.
 */
export const migration: Migration = {
  version: 61,
  name: 'unlinked-calls',
  up(db) {
    db.exec(`CREATE INDEX calls_unlinked ON calls(started_at) WHERE patient_id IS NULL;`);
  },
};
