import type Database from 'better-sqlite3';
import { fold } from './textFold';

/**
 * SQL functions the schema's triggers call. Registered on every connection that runs migrations (so
 * also on every connection openDatabase gives), before any migration: `desk_fold(text)` folds message and
 * patient text for the FTS indexes (050-search-folding).
 */
export function registerSqlFunctions(db: Database.Database): void {
  db.function('desk_fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? fold(text) : text));
}
