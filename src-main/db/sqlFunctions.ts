import type Database from 'better-sqlite3';
import { fold } from './textFold';

/**
 * SQL functions the schema's triggers call. Registered on every connection that runs migrations (so
 * also on every connection openDatabase gives), before any migration: `desk_fold(text)` folds message and
 * patient text for the FTS indexes (050-search-folding); `desk_words(text)` lists its words for the search
 * vocabulary (054).
 */
export function registerSqlFunctions(db: Database.Database): void {
  db.function('desk_fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? fold(text) : text));
  db.function('desk_words', { deterministic: true }, (text: unknown) => JSON.stringify(typeof text === 'string' ? vocabularyWords(text) : []));
}

/** The distinct folded words of 4 letters or more of a text: what search_vocab (054) keeps. */
export function vocabularyWords(text: string): string[] {
  const words = fold(text).match(/[\p{L}\p{N}]{4,}/gu);
  return words ? [...new Set(words)] : [];
}
