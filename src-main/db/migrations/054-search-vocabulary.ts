import type { Migration } from '../migrate';

/**
 * The words of the messages (folded, 4 letters or more), for search while typing: "sposta" is matched as
 * the OR of the indexed words it starts ("spostare", "spostato"), which FTS5 reads lazily newest first.
 * `"sposta"*` would merge every matching doclist in memory first (50 ms for a frequent word at 1M
 * messages), and FTS5's own fts5vocab counts every doclist it lists (14 ms). Kept by triggers; a word
 * whose messages are all gone stays (it then matches nothing). Words come from `desk_words`
 * (sqlFunctions.ts), the same folding as the index.
 */
export const migration: Migration = {
  version: 54,
  name: 'search-vocabulary',
  up(db) {
    db.exec(`
      CREATE TABLE search_vocab (term TEXT PRIMARY KEY) WITHOUT ROWID;
      INSERT OR IGNORE INTO search_vocab (term) SELECT j.value FROM messages m, json_each(desk_words(m.body)) j;
      CREATE TRIGGER search_vocab_insert AFTER INSERT ON messages BEGIN
        INSERT OR IGNORE INTO search_vocab (term) SELECT value FROM json_each(desk_words(new.body));
      END;
      CREATE TRIGGER search_vocab_update AFTER UPDATE OF body ON messages BEGIN
        INSERT OR IGNORE INTO search_vocab (term) SELECT value FROM json_each(desk_words(new.body));
      END;
    `);
  },
};
