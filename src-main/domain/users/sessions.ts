import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database';
import { deleteExpiredSessions, deleteSession, insertSession, sessionByTokenHash, touchSession, userById } from '../../db/repositories/users';
import type { Clock } from '../shared/clock';
import { toDeskUser, type DeskUser } from './userService';

/**
 * Sign-in sessions. The token lives only in the person's cookie (or the desktop app's memory); the
 * database keeps its SHA-256, so a copied database or backup cannot be replayed as a login.
 * A session ends after SESSION_IDLE_MS without use, and after SESSION_MAX_MS whatever happens.
 */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 14 * 60 * 60 * 1000;
/** Use is recorded at most once a minute, so a busy socket does not write on every call. */
const TOUCH_EVERY_MS = 60 * 1000;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function startSession(db: Db, clock: Clock, userId: number, from: { address?: string | null; userAgent?: string | null } = {}): string {
  const token = randomBytes(32).toString('base64url');
  const now = clock.now();
  deleteExpiredSessions(db, now);
  insertSession(db, {
    tokenHash: hashToken(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: Math.min(now + SESSION_IDLE_MS, now + SESSION_MAX_MS),
    address: from.address ?? null,
    userAgent: from.userAgent?.slice(0, 200) ?? null,
  });
  return token;
}

/** The person behind a token, or null when it is unknown, expired, or their account was disabled. */
export function sessionUser(db: Db, clock: Clock, token: string | undefined | null): DeskUser | null {
  if (!token || token.length > 200) return null;
  const hash = hashToken(token);
  const s = sessionByTokenHash(db, hash);
  const now = clock.now();
  if (!s) return null;
  if (s.expiresAt <= now) {
    deleteSession(db, hash);
    return null;
  }
  const row = userById(db, s.userId);
  if (!row || row.disabledAt !== null) return null;
  if (now - s.lastSeenAt >= TOUCH_EVERY_MS) touchSession(db, hash, now, Math.min(now + SESSION_IDLE_MS, s.createdAt + SESSION_MAX_MS));
  return toDeskUser(row);
}

export function endSession(db: Db, token: string): void {
  deleteSession(db, hashToken(token));
}
