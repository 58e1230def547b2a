import type { Migration } from '../migrate';

/**
 * The agenda's catalog, managed in Settings: the clinic's rooms and visit types (a visit type carries its
 * usual length, which the edit dialog proposes). A visit keeps the room and type by name (`appointments.room`,
 * `appointments.type`), as imports write them, so renaming a room never rewrites the history of past visits.
 */
export const migration: Migration = {
  version: 160,
  name: 'agenda-catalog',
  up(db) {
    db.exec(`
      CREATE TABLE rooms (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        active INTEGER NOT NULL DEFAULT 1
      );
      CREATE TABLE visit_types (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        minutes INTEGER NOT NULL DEFAULT 30 CHECK (minutes BETWEEN 5 AND 480),
        active INTEGER NOT NULL DEFAULT 1
      );
      ALTER TABLE appointments ADD COLUMN room TEXT;
    `);
  },
};
