import type http from 'node:http';
import type { CallContext } from '../app/area';
import type { AppContext } from '../app/area';
import { countActiveUsers } from '../db/repositories/users';
import { sessionUser } from '../domain/users/sessions';
import { readCookie, SESSION_COOKIE } from './cookies';

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Who is calling over HTTP or WebSocket:
 * - a signed-in person (session cookie): their name, role and users.id;
 * - the "open desk": a host that listens on loopback only, in a clinic that has no personal logins yet
 *   (a fresh install before its first admin, or the demo clinic). Only this computer can reach it, and the
 *   origin policy keeps web pages out; it acts as the desk with every right, as before logins existed;
 * - otherwise null: a guest, who reaches public methods only (the waiting-room TV).
 */
export function callerFor(ctx: Pick<AppContext, 'db' | 'clock'>, req: http.IncomingMessage, bindHost: string): (CallContext & { token?: string }) | null {
  const token = readCookie(req.headers.cookie, SESSION_COOKIE);
  const user = token ? sessionUser(ctx.db, ctx.clock, token) : null;
  if (user && token) return { user: user.name, role: user.role, userId: user.id, token };
  if (isOpenDesk(ctx, bindHost)) return { user: 'desk', role: 'admin' };
  return null;
}

export const isOpenDesk = (ctx: Pick<AppContext, 'db'>, bindHost: string): boolean => isLoopback(bindHost) && countActiveUsers(ctx.db) === 0;
