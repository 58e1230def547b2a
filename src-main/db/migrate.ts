import type Database from 'better-sqlite3';
import { registerSqlFunctions } from './sqlFunctions';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/**
 * Migrations are files named NNN-what-they-do.ts in ./migrations, found at build time.
 * They are numbered, applied in order, recorded in schema_migrations, and never edited once landed.
 */
const modules = import.meta.glob<{ migration: Migration }>('./migrations/[0-9][0-9][0-9]-*.ts', { eager: true });

export function allMigrations(): Migration[] {
  const list = Object.entries(modules).map(([file, mod]) => {
    const m = mod.migration;
    const fileVersion = Number(/\/(\d{3})-/.exec(file)?.[1]);
    if (!m || m.version !== fileVersion) {
      throw new Error(`Migration file ${file} must export { migration } with version ${fileVersion}`);
    }
    return m;
  });
  list.sort((a, b) => a.version - b.version);
  for (let i = 1; i < list.length; i++) {
    if (list[i]!.version === list[i - 1]!.version) throw new Error(`Two migrations share version ${list[i]!.version}`);
  }
  return list;
}

export function appliedVersions(db: Database.Database): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  return (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map(
    (r) => r.version,
  );
}

export function runMigrations(db: Database.Database, migrations: Migration[] = allMigrations()): number[] {
  registerSqlFunctions(db);
  const done = new Set(appliedVersions(db));
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      m.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        Date.now(),
      );
    })();
    applied.push(m.version);
  }
  return applied;
}
