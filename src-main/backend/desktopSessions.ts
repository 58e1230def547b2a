import type { CallContext } from '../app/area';
import type { App } from '../app/createApp';
import { countActiveUsers } from '../db/repositories/users';
import { signIn, signOut } from '../domain/users/login';
import { sessionUser } from '../domain/users/sessions';

export interface DesktopSessionInfo {
  signedIn: boolean;
  openDesk: boolean;
  user: { name: string; displayName: string | null; role: 'receptionist' | 'manager' | 'admin' } | null;
}

/**
 * Who uses each desktop window. The desk PC is shared, so people sign in and switch quickly (sign out, sign
 * in as someone else) without restarting; the session token stays in the main process, never in the page.
 * Before the clinic has personal logins the desktop app is the open desk (every right), as the host on
 * loopback is. Lives in the backend (it needs the App); the shell sends each window's webContents id.
 */
export function desktopSessions(desk: App) {
  const tokens = new Map<number, string>();
  const { db, clock } = desk.ctx;
  const openDesk = (): boolean => countActiveUsers(db) === 0;

  const current = (windowId: number) => {
    const token = tokens.get(windowId);
    const user = token ? sessionUser(db, clock, token) : null;
    if (token && !user) tokens.delete(windowId);
    return { token, user };
  };

  return {
    /** The caller behind a window's IPC call: the signed-in person, the open desk, or a guest. */
    caller(windowId: number): CallContext {
      const { user } = current(windowId);
      if (user) return { user: user.name, role: user.role, userId: user.id };
      return openDesk() ? { user: 'desk', role: 'admin' } : { user: 'guest', guest: true };
    },
    info(windowId: number): DesktopSessionInfo {
      const { user } = current(windowId);
      const open = openDesk();
      return {
        signedIn: Boolean(user) || open,
        openDesk: open,
        user: user ? { name: user.name, displayName: user.displayName, role: user.role } : open ? { name: 'desk', displayName: null, role: 'admin' } : null,
      };
    },
    async signIn(windowId: number, name: unknown, password: unknown): Promise<{ error?: { code: string; message: string; details?: unknown } }> {
      if (typeof name !== 'string' || typeof password !== 'string') return { error: { code: 'invalid_input', message: 'name and password are text' } };
      const r = await signIn(db, clock, { name: name.slice(0, 80), password: password.slice(0, 1000), address: 'desktop' });
      if (r.error) return { error: r.error.toJSON() };
      const previous = tokens.get(windowId);
      if (previous) signOut(db, clock, previous, sessionUser(db, clock, previous));
      tokens.set(windowId, r.token);
      return {};
    },
    signOut(windowId: number): void {
      const { token, user } = current(windowId);
      if (token) signOut(db, clock, token, user);
      tokens.delete(windowId);
    },
  };
}
