import type { Role } from '../../contract/define';
import type { Db } from '../database';

export interface UserRow {
  id: number;
  name: string;
  displayName: string | null;
  role: Role;
  passwordHash: string;
  createdAt: number;
  lastLoginAt: number | null;
  disabledAt: number | null;
}

const COLUMNS = `id, name, display_name AS displayName, role, password_hash AS passwordHash, created_at AS createdAt,
  last_login_at AS lastLoginAt, disabled_at AS disabledAt`;

export function insertUser(db: Db, at: number, u: { name: string; displayName?: string | null; role: Role; passwordHash: string }): number {
  const r = db
    .prepare('INSERT INTO users (name, display_name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(u.name.trim(), u.displayName ?? null, u.role, u.passwordHash, at, at);
  return Number(r.lastInsertRowid);
}

export function userByName(db: Db, name: string): UserRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM users WHERE name = ?`).get(name.trim()) as UserRow | undefined;
}

export function userById(db: Db, id: number): UserRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`).get(id) as UserRow | undefined;
}

export function listUsers(db: Db): UserRow[] {
  return db.prepare(`SELECT ${COLUMNS} FROM users ORDER BY name`).all() as UserRow[];
}

/** Active accounts; zero means the clinic has not been set up with personal logins yet. */
export function countActiveUsers(db: Db, role?: Role): number {
  const row = role
    ? db.prepare('SELECT count(*) AS n FROM users WHERE disabled_at IS NULL AND role = ?').get(role)
    : db.prepare('SELECT count(*) AS n FROM users WHERE disabled_at IS NULL').get();
  return (row as { n: number }).n;
}
