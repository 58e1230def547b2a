import type { Migration } from '../migrate';

/**
 * Personal desk accounts and their sessions (the trust issue):
 * - users: one row a person; `role` is receptionist < manager < admin; `password_hash` is a self-describing
 *   scrypt string (domain/users decides the format); a disabled user keeps their row so the audit log still names them.
 * - user_sessions: a browser or desktop sign-in; only the SHA-256 of the cookie token is stored, so a copied
 *   database cannot be replayed as a login.
 * - login_attempts: failed sign-ins per address and per account, for growing delays and lockout.
 */
export const migration: Migration = {
  version: 30,
  name: 'users',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 80),
        display_name TEXT,
        role TEXT NOT NULL CHECK (role IN ('receptionist','manager','admin')),
        password_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        last_login_at INTEGER,
        disabled_at INTEGER
      );

      CREATE TABLE user_sessions (
        token_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        address TEXT,
        user_agent TEXT
      );
      CREATE INDEX user_sessions_user ON user_sessions(user_id);
      CREATE INDEX user_sessions_expiry ON user_sessions(expires_at);

      CREATE TABLE login_attempts (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        address TEXT NOT NULL,
        name TEXT NOT NULL COLLATE NOCASE,
        ok INTEGER NOT NULL CHECK (ok IN (0,1))
      );
      CREATE INDEX login_attempts_address ON login_attempts(address, at);
      CREATE INDEX login_attempts_name ON login_attempts(name, at);
    `);
  },
};
