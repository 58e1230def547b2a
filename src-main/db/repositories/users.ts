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

export function setUserRole(db: Db, id: number, role: Role, at: number): boolean {
  return db.prepare('UPDATE users SET role = ?, updated_at = ? WHERE id = ?').run(role, at, id).changes === 1;
}

/** `at` disables the account (its row stays so the audit log still names the person); null enables it again. */
export function setUserDisabled(db: Db, id: number, at: number | null, now: number): boolean {
  return db.prepare('UPDATE users SET disabled_at = ?, updated_at = ? WHERE id = ?').run(at, now, id).changes === 1;
}

export function setUserPasswordHash(db: Db, id: number, passwordHash: string, at: number): boolean {
  return db.prepare('UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?').run(passwordHash, at, id).changes === 1;
}

export function markUserLogin(db: Db, id: number, at: number): void {
  db.prepare('UPDATE users SET last_login_at = ? WHERE id = ?').run(at, id);
}

// ---- sessions: only the SHA-256 of the cookie token is stored ----

export interface SessionRow {
  tokenHash: string;
  userId: number;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

export function insertSession(db: Db, s: SessionRow & { address: string | null; userAgent: string | null }): void {
  db.prepare('INSERT INTO user_sessions (token_hash, user_id, created_at, last_seen_at, expires_at, address, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    s.tokenHash,
    s.userId,
    s.createdAt,
    s.lastSeenAt,
    s.expiresAt,
    s.address,
    s.userAgent,
  );
}

export function sessionByTokenHash(db: Db, tokenHash: string): SessionRow | undefined {
  return db
    .prepare('SELECT token_hash AS tokenHash, user_id AS userId, created_at AS createdAt, last_seen_at AS lastSeenAt, expires_at AS expiresAt FROM user_sessions WHERE token_hash = ?')
    .get(tokenHash) as SessionRow | undefined;
}

export function touchSession(db: Db, tokenHash: string, lastSeenAt: number, expiresAt: number): void {
  db.prepare('UPDATE user_sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?').run(lastSeenAt, expiresAt, tokenHash);
}

export function deleteSession(db: Db, tokenHash: string): void {
  db.prepare('DELETE FROM user_sessions WHERE token_hash = ?').run(tokenHash);
}

export function deleteUserSessions(db: Db, userId: number): void {
  db.prepare('DELETE FROM user_sessions WHERE user_id = ?').run(userId);
}

export function deleteExpiredSessions(db: Db, now: number): void {
  db.prepare('DELETE FROM user_sessions WHERE expires_at <= ?').run(now);
}

// ---- login attempts: failures per address and per account ----

export function recordLoginAttempt(db: Db, a: { at: number; address: string; name: string; ok: boolean }): void {
  db.prepare('INSERT INTO login_attempts (at, address, name, ok) VALUES (?, ?, ?, ?)').run(a.at, a.address, a.name.trim().slice(0, 80), a.ok ? 1 : 0);
}

/** Failures since the last success (or `since`), and when the newest one happened. */
export function recentFailures(db: Db, by: 'address' | 'name', value: string, since: number): { count: number; lastAt: number | null } {
  const column = by === 'address' ? 'address' : 'name';
  const lastOk = db.prepare(`SELECT max(at) AS at FROM login_attempts WHERE ${column} = ? AND ok = 1 AND at >= ?`).get(value, since) as { at: number | null };
  const from = Math.max(since, (lastOk.at ?? since - 1) + 1);
  const row = db.prepare(`SELECT count(*) AS count, max(at) AS lastAt FROM login_attempts WHERE ${column} = ? AND ok = 0 AND at >= ?`).get(value, from) as {
    count: number;
    lastAt: number | null;
  };
  return row;
}

export function pruneLoginAttempts(db: Db, before: number): void {
  db.prepare('DELETE FROM login_attempts WHERE at < ?').run(before);
}
