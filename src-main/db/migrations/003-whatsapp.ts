import type { Migration } from '../migrate';

/**
 * The WhatsApp linked device's state.
 * - `whatsapp_auth`: Baileys' credentials (`creds/creds`) and signal keys (`pre-key/…`, `session/…`, …), one row per
 *   key, each value sealed (AES-GCM with the desk's key, or the OS key store in the desktop app). Never loose JSON files.
 *   A key batch is written in one transaction by the repository.
 * - `whatsapp_first_contacts`: when a message went to a number that never wrote to the clinic; the rolling
 *   daily cap reads it, so a restart does not reset the count.
 */
export const migration: Migration = {
  version: 3,
  name: 'whatsapp',
  up(db) {
    db.exec(`
      CREATE TABLE whatsapp_auth (
        category TEXT NOT NULL,
        id TEXT NOT NULL,
        value BLOB NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (category, id)
      ) WITHOUT ROWID;

      CREATE TABLE whatsapp_first_contacts (
        id INTEGER PRIMARY KEY,
        sent_at INTEGER NOT NULL
      );
      CREATE INDEX whatsapp_first_contacts_at ON whatsapp_first_contacts(sent_at);
    `);
  },
};
