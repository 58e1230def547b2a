import type { Migration } from '../migrate';

/**
 * The inbox "by channel" filter at 10,000+ conversations and a million messages asks, per
 * conversation, whether any message came on that channel: one index probe instead of a walk
 * through the conversation's whole timeline.
 */
export const migration: Migration = {
  version: 8,
  name: 'inbox-filters',
  up(db) {
    db.exec(`
      CREATE INDEX messages_conversation_channel ON messages(conversation_id, channel);
    `);
  },
};
