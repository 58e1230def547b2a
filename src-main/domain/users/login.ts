import type { Db } from '../../db/database';
import { writeAudit } from '../../db/repositories/audit';
import { touchDeskUser } from '../../db/repositories/inbox';
import { markUserLogin, pruneLoginAttempts, recordLoginAttempt } from '../../db/repositories/users';
import type { Clock } from '../shared/clock';
import { DeskError } from '../shared/errors';
import { loginWaitMs } from './loginThrottle';
import { endSession, startSession } from './sessions';
import { verifyUser, type DeskUser } from './userService';

export type LoginResult = { token: string; user: DeskUser; error?: undefined } | { token?: undefined; user?: undefined; error: DeskError };

/**
 * One sign-in attempt from a browser or the desktop app: throttled, checked, recorded in login_attempts and
 * in the audit log (issue 19's audit view shows both outcomes).
 */
export async function signIn(db: Db, clock: Clock, input: { name: string; password: string; address: string; userAgent?: string | null }): Promise<LoginResult> {
  const name = input.name.trim().slice(0, 80);
  const wait = loginWaitMs(db, clock.now(), input.address, name);
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    return { error: new DeskError('rate_limited', `too many failed sign-ins: try again in ${seconds} s`, { details: { retryAfterSeconds: seconds }, reason: 'errors-detail:tooManySignIns', params: { seconds } }) };
  }
  const user = name && input.password ? await verifyUser(db, name, input.password) : null;
  const now = clock.now();
  recordLoginAttempt(db, { at: now, address: input.address, name, ok: user !== null });
  writeAudit(db, now, { actor: user?.name ?? name, action: user ? 'login.ok' : 'login.failed', entity: 'user', entityId: user?.id ?? null, details: { address: input.address } });
  if (!user) return { error: new DeskError('unauthorized', 'wrong user name or password', { reason: 'errors-detail:wrongPassword' }) };
  markUserLogin(db, user.id, now);
  // The assignment list learns the name here, not on every inbox read.
  touchDeskUser(db, user.name, now);
  pruneLoginAttempts(db, now - 30 * 24 * 60 * 60 * 1000);
  return { token: startSession(db, clock, user.id, { address: input.address, userAgent: input.userAgent ?? null }), user };
}

export function signOut(db: Db, clock: Clock, token: string, user: DeskUser | null): void {
  endSession(db, token);
  if (user) writeAudit(db, clock.now(), { actor: user.name, action: 'logout', entity: 'user', entityId: user.id });
}
