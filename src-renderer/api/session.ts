/**
 * Browser sign-in (host mode). The session lives in an HttpOnly cookie the page never sees; these calls
 * only ask the host who is signed in, sign in and sign out. The desktop app has no cookie: it is signed in
 * by its own window.
 */
export interface SessionInfo {
  signedIn: boolean;
  openDesk: boolean;
  user: { name: string; displayName: string | null; role: 'receptionist' | 'manager' | 'admin' } | null;
}

export class SignInError extends Error {
  constructor(readonly code: string, message: string, readonly retryAfterSeconds?: number) {
    super(message);
    this.name = 'SignInError';
  }
}

export async function fetchSession(): Promise<SessionInfo> {
  const res = await fetch('/auth/session', { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`session: HTTP ${res.status}`);
  return (await res.json()) as SessionInfo;
}

export async function signIn(name: string, password: string): Promise<void> {
  const res = await fetch('/auth/login', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  if (res.ok) return;
  const body = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string; details?: { retryAfterSeconds?: number } } };
  throw new SignInError(body.error?.code ?? 'internal', body.error?.message ?? `HTTP ${res.status}`, body.error?.details?.retryAfterSeconds);
}

export async function signOut(): Promise<void> {
  await fetch('/auth/logout', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: '{}' });
}
