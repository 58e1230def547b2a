import type { Migration } from '../migrate';

/**
 * Search that folds every Latin diacritic and answers prefixes from an index:
 * - messages_fts and patients_fts index the text folded by db/textFold.ts (SQL `desk_fold`, registered on
 *   every connection before migrations run), so "przelozyc" finds "przełożyć" and "strasse" finds "Straße";
 *   unicode61 alone keeps ł, đ, ø, ß as they are;
 * - prefix='2 3' keeps 2- and 3-letter prefixes in the index: typing "ap" reads one doclist instead of
 *   merging every term that starts with "ap";
 * - contentless with contentless_delete (SQLite ≥ 3.43): the folded copy lives only in the index; message
 *   text stays in messages, and a delete needs no old text.
 * Rebuilds both indexes from the existing rows, so it works on a database of any age (about a minute per
 * million messages on a slow machine; it runs once).
 */
export const migration: Migration = {
  version: 50,
  name: 'search-folding',
  up(db) {
    db.exec(`
      DROP TRIGGER IF EXISTS messages_fts_insert;
      DROP TRIGGER IF EXISTS messages_fts_delete;
      DROP TRIGGER IF EXISTS messages_fts_update;
      DROP TABLE IF EXISTS messages_fts;
      CREATE VIRTUAL TABLE messages_fts USING fts5(
        body, content='', contentless_delete=1, prefix='2 3', tokenize='unicode61 remove_diacritics 2'
      );
      INSERT INTO messages_fts(rowid, body) SELECT id, desk_fold(body) FROM messages;
      CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
        INSERT INTO messages_fts(rowid, body) VALUES (new.id, desk_fold(new.body));
      END;
      CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
        DELETE FROM messages_fts WHERE rowid = old.id;
      END;
      CREATE TRIGGER messages_fts_update AFTER UPDATE OF body ON messages BEGIN
        DELETE FROM messages_fts WHERE rowid = old.id;
        INSERT INTO messages_fts(rowid, body) VALUES (new.id, desk_fold(new.body));
      END;

      DROP TRIGGER IF EXISTS patients_fts_insert;
      DROP TRIGGER IF EXISTS patients_fts_delete;
      DROP TRIGGER IF EXISTS patients_fts_update;
      DROP TABLE IF EXISTS patients_fts;
      CREATE VIRTUAL TABLE patients_fts USING fts5(
        name, notes, content='', contentless_delete=1, prefix='2 3', tokenize='unicode61 remove_diacritics 2'
      );
      INSERT INTO patients_fts(rowid, name, notes) SELECT id, desk_fold(first_name || ' ' || last_name), desk_fold(notes) FROM patients;
      CREATE TRIGGER patients_fts_insert AFTER INSERT ON patients BEGIN
        INSERT INTO patients_fts(rowid, name, notes) VALUES (new.id, desk_fold(new.first_name || ' ' || new.last_name), desk_fold(new.notes));
      END;
      CREATE TRIGGER patients_fts_delete AFTER DELETE ON patients BEGIN
        DELETE FROM patients_fts WHERE rowid = old.id;
      END;
      CREATE TRIGGER patients_fts_update AFTER UPDATE OF first_name, last_name, notes ON patients BEGIN
        DELETE FROM patients_fts WHERE rowid = old.id;
        INSERT INTO patients_fts(rowid, name, notes) VALUES (new.id, desk_fold(new.first_name || ' ' || new.last_name), desk_fold(new.notes));
      END;
    `);
  },
};
