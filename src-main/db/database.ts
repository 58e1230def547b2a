import Database from 'better-sqlite3';
import { runMigrations } from './migrate';
import { registerSqlFunctions } from './sqlFunctions';

export type Db = Database.Database;

export interface OpenOptions {
  /** Electron passes the path of its own ABI build of better-sqlite3 (see scripts/native-electron.cjs); also CLINIC_DESK_SQLITE_BINDING. */
  nativeBinding?: string;
}

/**
 * Opens (or creates) the clinic database with the settings every connection needs:
 * WAL so readers never block the writer, foreign keys on, and a busy timeout so a second
 * process (the CLI during a backup, say) waits instead of failing.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const nativeBinding = opts.nativeBinding ?? process.env.CLINIC_DESK_SQLITE_BINDING;
  const db = new Database(file, nativeBinding ? { nativeBinding } : {});
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  runMigrations(db);
  cacheStatements(db);
  writeLockAtBegin(db);
  return db;
}

/**
 * A second connection to a database the desk already opened and migrated, for a worker thread that
 * writes (the call import thread): the same settings, never migrates.
 */
export function openWorkerConnection(file: string, opts: OpenOptions = {}): Db {
  const nativeBinding = opts.nativeBinding ?? process.env.CLINIC_DESK_SQLITE_BINDING;
  const db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  registerSqlFunctions(db);
  cacheStatements(db);
  writeLockAtBegin(db);
  return db;
}

/**
 * Transactions take the write lock when they begin (BEGIN IMMEDIATE), not at their first write. With a
 * second writing connection (the import thread) a deferred transaction that read first and then had to
 * wait for the other writer would fail with SQLITE_BUSY_SNAPSHOT instead of waiting; an immediate one
 * waits (busy_timeout) and then reads fresh data. Nested calls are savepoints as before.
 */
function writeLockAtBegin(db: Db): void {
  const make = db.transaction.bind(db);
  db.transaction = (<F extends (...args: never[]) => unknown>(fn: F) => {
    const t = make(fn);
    const run = (...args: unknown[]): unknown => (t.immediate as (...a: unknown[]) => unknown)(...args);
    return Object.assign(run, { default: t.immediate, deferred: t.deferred, immediate: t.immediate, exclusive: t.exclusive });
  }) as Db['transaction'];
}

/**
 * Repositories call `db.prepare(sql)` where they use it; compiling the SQL each time cost more than running
 * it on the hot paths (an inbound message runs ~40 statements). Statements are kept per SQL text, so each
 * is compiled once per connection. Do not change a prepared statement's mode (`pluck`, `raw`, `expand`,
 * `safeIntegers`): it is shared by every caller of that SQL. Rows as arrays: `prepareRaw` (its own statement).
 */
const MAX_CACHED_STATEMENTS = 500;

function cacheStatements(db: Db): void {
  const compile = db.prepare.bind(db);
  const statements = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let st = statements.get(sql);
    if (!st) {
      st = compile(sql);
      // SQL built with a variable number of placeholders has many texts: keep the cache bounded.
      if (statements.size >= MAX_CACHED_STATEMENTS) statements.delete(statements.keys().next().value!);
      statements.set(sql, st);
    }
    return st;
  }) as Db['prepare'];
}

/**
 * A cached statement that returns rows as arrays (`raw`), for the reads that build many small tuples (statistics).
 * It is cached under its own text (the SQL plus a marker comment), so setting raw mode never changes the statement
 * `db.prepare(sql)` hands to every other caller of that SQL.
 */
export function prepareRaw(db: Db, sql: string): Database.Statement {
  return db.prepare(`${sql}\n/* raw rows */`).raw(true);
}

/**
 * fn in a transaction of its own, rolled back when it throws (nothing half-written), or directly in the caller's
 * when one is open: no savepoint, which would copy every page fn touches to a sub-journal, so a throw then rolls
 * back the caller's whole transaction. One transaction function per connection, taking the body as its argument:
 * making a new one for every call cost ~5 µs on the path of every arriving message.
 */
const runners = new WeakMap<Db, (fn: () => unknown) => unknown>();
export function inTransaction<T>(db: Db, fn: () => T): T {
  if (db.inTransaction) return fn();
  let run = runners.get(db);
  if (!run) runners.set(db, (run = db.transaction((body: () => unknown) => body())));
  return run(fn) as T;
}
