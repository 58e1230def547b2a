import fs from 'node:fs';
import Database from 'better-sqlite3';
import { DeskError } from '../domain/shared/errors';
import type { Db } from './database';

/**
 * Opens an existing clinic database for reading only: no migration, no file created, nothing written
 * (doctor, backup --list, users list). A missing file is a `not_found` error, not a new empty database.
 */
export function openReadOnly(file: string, opts: { nativeBinding?: string } = {}): Db {
  if (!fs.existsSync(file)) throw new DeskError('not_found', `there is no clinic database at ${file}`);
  const nativeBinding = opts.nativeBinding ?? process.env.CLINIC_DESK_SQLITE_BINDING;
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  db.pragma('busy_timeout = 5000');
  return db;
}
