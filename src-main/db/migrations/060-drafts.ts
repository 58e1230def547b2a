import type { Migration } from '../migrate';

/**
 * Reply drafts, one per conversation, so a half-written answer survives switching conversation, a
 * reload of the page and a restart of the desk (what WhatsApp and Front do). The attachment is a
 * media reference (the file itself is already stored once by content hash under <data>/media).
 */
export const migration: Migration = {
  version: 60,
  name: 'drafts',
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        conversation_id INTEGER PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
        body TEXT NOT NULL,
        mode TEXT NOT NULL DEFAULT 'reply',   -- 'reply' | 'note'
        channel TEXT,                         -- the channel chosen, null = the default one
        attachment TEXT,                      -- JSON media reference, or null
        updated_by TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `);
  },
};
