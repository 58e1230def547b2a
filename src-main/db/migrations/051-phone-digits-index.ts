import type { Migration } from '../migrate';

/**
 * Part of a phone number ("2000037", typed while the patient spells it) found through an index built for
 * substrings: a trigram FTS5 table of the phone identities' digits (rowid = patient_identities.id), kept in
 * step by triggers. A complete number never comes here: it is looked up exactly in UNIQUE(kind, value).
 */
export const migration: Migration = {
  version: 51,
  name: 'phone-digits-index',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE identity_digits USING fts5(digits, content='', contentless_delete=1, tokenize='trigram');
      INSERT INTO identity_digits(rowid, digits)
        SELECT id, replace(value, '+', '') FROM patient_identities WHERE kind = 'phone';
      CREATE TRIGGER identity_digits_insert AFTER INSERT ON patient_identities WHEN new.kind = 'phone' BEGIN
        INSERT INTO identity_digits(rowid, digits) VALUES (new.id, replace(new.value, '+', ''));
      END;
      CREATE TRIGGER identity_digits_delete AFTER DELETE ON patient_identities WHEN old.kind = 'phone' BEGIN
        DELETE FROM identity_digits WHERE rowid = old.id;
      END;
      CREATE TRIGGER identity_digits_update AFTER UPDATE OF kind, value ON patient_identities BEGIN
        DELETE FROM identity_digits WHERE rowid = old.id;
        INSERT INTO identity_digits(rowid, digits) SELECT new.id, replace(new.value, '+', '') WHERE new.kind = 'phone';
      END;
    `);
  },
};
