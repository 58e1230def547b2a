import type { Migration } from '../migrate';

/**
 * PBX call-record imports: the column mapping a clinic saved for each generic CSV source (its PBX, a
 * spreadsheet kept by hand) and a log of every file imported, so IT can tell what came in and when.
 */
export const migration: Migration = {
  version: 15,
  name: 'call-imports',
  up(db) {
    db.exec(`
      CREATE TABLE call_import_mappings (
        source_name TEXT PRIMARY KEY,         -- what the clinic calls the source, e.g. "Centralino sede 2"
        mapping TEXT NOT NULL,                -- JSON ColumnMapping
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE call_imports (
        id INTEGER PRIMARY KEY,
        file_name TEXT NOT NULL,
        format TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        imported INTEGER NOT NULL,
        duplicates INTEGER NOT NULL,
        errors INTEGER NOT NULL,
        imported_by TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX call_imports_at ON call_imports(at);
    `);
  },
};
