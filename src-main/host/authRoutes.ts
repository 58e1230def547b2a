import type http from 'node:http';
import type { AppContext, HttpResponse } from '../app/area';
import { DeskError } from '../domain/shared/errors';
import { signIn, signOut } from '../domain/users/login';
import { SESSION_MAX_MS, sessionUser } from '../domain/users/sessions';
import { clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from './cookies';
import { isOpenDesk } from './hostAuth';

const loginBody = (raw: Buffer): { name: string; password: string } => {
  let v: unknown;
  try {
    v = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new DeskError('invalid_input', 'Body is not valid JSON');
  }
  const o = v as { name?: unknown; password?: unknown } | null;
  if (!o || typeof o !== 'object' || typeof o.name !== 'string' || typeof o.password !== 'string' || Object.keys(o).some((k) => k !== 'name' && k !== 'password')) {
    throw new DeskError('invalid_input', 'Send {"name": "...", "password": "..."}');
  }
  return { name: o.name.slice(0, 80), password: o.password.slice(0, 1000) };
};

/**
 * The sign-in endpoints of a browser desk (the desktop app signs in over IPC instead):
 * GET /auth/session, POST /auth/login {name, password}, POST /auth/logout.
 */
export async function handleAuth(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  req: http.IncomingMessage,
  path: string,
  body: () => Promise<Buffer>,
  o: { bindHost: string; secure: boolean },
): Promise<HttpResponse> {
  const token = readCookie(req.headers.cookie, SESSION_COOKIE);
  if (path === '/auth/session' && req.method === 'GET') {
    const user = token ? sessionUser(ctx.db, ctx.clock, token) : null;
    const open = isOpenDesk(ctx, o.bindHost);
    return { status: 200, body: { signedIn: Boolean(user) || open, openDesk: open, user: user ? { name: user.name, displayName: user.displayName, role: user.role } : open ? { name: 'desk', displayName: null, role: 'admin' } : null } };
  }
  if (path === '/auth/login' && req.method === 'POST') {
    const { name, password } = loginBody(await body());
    const r = await signIn(ctx.db, ctx.clock, { name, password, address: req.socket.remoteAddress ?? '', userAgent: req.headers['user-agent'] ?? null });
    if (r.error) throw r.error;
    return {
      status: 200,
      headers: { 'Set-Cookie': sessionCookie(r.token, { secure: o.secure, maxAgeSeconds: Math.floor(SESSION_MAX_MS / 1000) }) },
      body: { user: { name: r.user.name, displayName: r.user.displayName, role: r.user.role } },
    };
  }
  if (path === '/auth/logout' && req.method === 'POST') {
    if (token) signOut(ctx.db, ctx.clock, token, sessionUser(ctx.db, ctx.clock, token));
    return { status: 200, headers: { 'Set-Cookie': clearedSessionCookie(o.secure) }, body: { ok: true } };
  }
  return { status: 404, body: { error: { code: 'not_found', message: 'Unknown sign-in endpoint' } } };
}
