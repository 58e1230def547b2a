import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { backupFileName, backupsToDelete, backupTakenAt, DEFAULT_BACKUP_POLICY, type BackupPolicy } from '../domain/backup/backupRotation';
import { DeskError } from '../domain/shared/errors';
import type { Db } from './database';
import { allMigrations } from './migrate';

export const backupsDir = (dataDir: string): string => path.join(dataDir, 'backups');

export interface BackupInfo {
  file: string;
  takenAt: number;
  bytes: number;
}

/**
 * Copies the live database with SQLite's online backup (consistent while the desk keeps writing), then
 * rotates old copies. The copy is written under a temporary name and renamed, so a crash mid-backup
 * never leaves a file that looks complete.
 */
export async function backupDatabase(db: Db, dataDir: string, now: number, policy: BackupPolicy = DEFAULT_BACKUP_POLICY): Promise<BackupInfo> {
  const dir = backupsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, backupFileName(now));
  const partial = `${file}.partial`;
  await db.backup(partial);
  fs.renameSync(partial, file);
  for (const old of backupsToDelete(fs.readdirSync(dir), policy)) fs.rmSync(path.join(dir, old), { force: true });
  return { file, takenAt: now, bytes: fs.statSync(file).size };
}

export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupsDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((name) => ({ name, at: backupTakenAt(name) }))
    .filter((b): b is { name: string; at: number } => b.at !== null)
    .sort((a, b) => b.at - a.at)
    .map((b) => ({ file: path.join(dir, b.name), takenAt: b.at, bytes: fs.statSync(path.join(dir, b.name)).size }));
}

export interface DatabaseCheck {
  integrity: string;
  schemaVersion: number;
  patients: number;
  messages: number;
}

/** Opens a database file read-only and checks that it is an intact Clinic Desk database this version can open. */
export function checkDatabaseFile(file: string): DatabaseCheck {
  if (!fs.existsSync(file)) throw new DeskError('not_found', `${file} does not exist`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new DeskError('invalid_input', `${file} is not a SQLite database (${(err as Error).message})`, { field: 'file' });
  }
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const hasSchema = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
    if (!hasSchema) throw new DeskError('invalid_input', `${file} is not a Clinic Desk database (no schema_migrations table)`, { field: 'file' });
    const schemaVersion = (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
    const count = (table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { integrity, schemaVersion, patients: count('patients'), messages: count('messages') };
  } catch (err) {
    if (err instanceof DeskError) throw err;
    throw new DeskError('invalid_input', `${file} could not be read: ${(err as Error).message}`, { field: 'file' });
  } finally {
    db.close();
  }
}

/**
 * Puts a backup in place of the live database. The backup is checked first; the current database (with
 * its WAL) is kept beside it as clinic-desk.sqlite3.before-restore-<time>, so a restore loses nothing.
 * The desk must be stopped: the caller checks that.
 */
export function restoreDatabase(dataDir: string, liveFile: string, backupFile: string, now: number): { check: DatabaseCheck; previous: string | null } {
  const check = checkDatabaseFile(backupFile);
  if (check.integrity !== 'ok') throw new DeskError('invalid_input', `${backupFile} is damaged (integrity check: ${check.integrity})`, { field: 'file' });
  const newest = Math.max(...allMigrations().map((m) => m.version));
  if (check.schemaVersion > newest) {
    throw new DeskError('conflict', `${backupFile} was written by a newer Clinic Desk (schema ${check.schemaVersion}, this version knows ${newest}); update the app first`);
  }
  let previous: string | null = null;
  if (fs.existsSync(liveFile)) {
    previous = `${liveFile}.before-restore-${backupFileName(now).slice('clinic-desk-'.length, -'.sqlite3'.length)}`;
    // Fold the WAL into the main file so the kept copy is complete on its own.
    const live = new Database(liveFile);
    live.pragma('wal_checkpoint(TRUNCATE)');
    live.close();
    fs.renameSync(liveFile, previous);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(liveFile + suffix, { force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  fs.copyFileSync(backupFile, liveFile);
  return { check, previous };
}
