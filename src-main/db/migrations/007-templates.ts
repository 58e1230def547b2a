import type { Migration } from '../migrate';

/**
 * Templates get one shortcode per language (/orari, /godziny, /hours… all unique, the core column keeps
 * the main one), a link to the starter template they came from, and last use. Automatic replies are logged
 * per inbound message: the UNIQUE inbound id is the "never more than one automatic reply per message" rule
 * in the schema, and (conversation, at) serves the once-per-day checks.
 */
export const migration: Migration = {
  version: 7,
  name: 'templates',
  up(db) {
    db.exec(`
      ALTER TABLE templates ADD COLUMN starter_key TEXT;
      ALTER TABLE templates ADD COLUMN last_used_at INTEGER;
      CREATE INDEX templates_category ON templates(category, usage_count DESC);

      CREATE TABLE template_shortcodes (
        shortcode TEXT PRIMARY KEY,           -- lower case, without "/"
        template_id INTEGER NOT NULL REFERENCES templates(id) ON DELETE CASCADE,
        language TEXT                          -- the language it is meant for; NULL for the main one
      );
      CREATE INDEX template_shortcodes_template ON template_shortcodes(template_id);

      CREATE TABLE auto_replies (
        id INTEGER PRIMARY KEY,
        conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        inbound_message_id INTEGER NOT NULL UNIQUE REFERENCES messages(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('welcome','out_of_hours','keyword')),
        topic TEXT,
        template_id INTEGER REFERENCES templates(id) ON DELETE SET NULL,
        language TEXT NOT NULL,
        message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX auto_replies_conversation ON auto_replies(conversation_id, at);
    `);
  },
};
