import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DeskError } from '../domain/shared/errors';

/**
 * One writer per data folder. The lock is an OS-level exclusive lock that SQLite takes on
 * `<data>/clinic-desk.lock` (fcntl on Linux and macOS, LockFileEx on Windows) and keeps for as long as the
 * connection is open (`locking_mode = EXCLUSIVE`). The OS drops it when the process dies, even by SIGKILL,
 * so a crash never leaves a stale lock behind. Beside it `clinic-desk.lock.json` names the holder
 * (pid, program, since) for the message a second writer gets.
 */
export const lockFile = (dataDir: string): string => path.join(dataDir, 'clinic-desk.lock');
const holderFile = (dataDir: string): string => path.join(dataDir, 'clinic-desk.lock.json');

export interface LockHolder {
  pid: number;
  program: string;
  since: number;
}

function readHolder(dataDir: string): LockHolder | null {
  try {
    return JSON.parse(fs.readFileSync(holderFile(dataDir), 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

const describe = (h: LockHolder | null): string =>
  h ? `${h.program} (process ${h.pid}, since ${new Date(h.since).toISOString().replace('T', ' ').slice(0, 19)} UTC)` : 'another Clinic Desk process';

function tryLock(dataDir: string, nativeBinding?: string): Database.Database | null {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(lockFile(dataDir), nativeBinding ? { nativeBinding } : {});
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('journal_mode = DELETE');
    db.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the EXCLUSIVE lock; in this locking mode it is kept until close().
    db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS held (at INTEGER); DELETE FROM held; INSERT INTO held VALUES (0); COMMIT;');
    return db;
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY') || (err as { code?: string }).code?.startsWith('SQLITE_LOCKED')) return null;
    throw err;
  }
}

/** Who holds the folder right now, or null when nobody does (probes by taking and dropping the lock). */
export function folderHolder(dataDir: string, nativeBinding?: string): LockHolder | { pid: null; program: string; since: null } | null {
  if (!fs.existsSync(lockFile(dataDir))) return null;
  const db = tryLock(dataDir, nativeBinding);
  if (db) {
    db.close();
    return null;
  }
  return readHolder(dataDir) ?? { pid: null, program: 'another Clinic Desk process', since: null };
}

/**
 * Takes the folder for this process or throws a `conflict` naming the holder. Returns the release function
 * (idempotent). `program` is what a second writer is told, e.g. "clinic-desk serve".
 */
export function holdDataFolder(dataDir: string, program: string, opts: { nativeBinding?: string; now?: number } = {}): () => void {
  const db = tryLock(dataDir, opts.nativeBinding);
  if (!db) {
    throw new DeskError('conflict', `the data folder ${dataDir} is in use by ${describe(readHolder(dataDir))}; close it first (only one program may write to a clinic's data at a time)`, {
      details: readHolder(dataDir),
    });
  }
  const me: LockHolder = { pid: process.pid, program, since: opts.now ?? Date.now() };
  fs.writeFileSync(holderFile(dataDir), JSON.stringify(me));
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    if (readHolder(dataDir)?.pid === process.pid) fs.rmSync(holderFile(dataDir), { force: true });
    db.close();
  };
}
