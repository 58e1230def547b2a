/**
 * Browser sign-in (host mode). The session lives in an HttpOnly cookie the page never sees; these calls
 * only ask the host who is signed in, sign in and sign out. In the desktop app the same three go over IPC
 * (`window.desk`), where the main process keeps the session per window.
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

/** The page's start asks once: the sign-in gate, the role and the session menu share the answer (signing in or out reloads the page). */
let atStart: Promise<SessionInfo> | null = null;

export function fetchSession(): Promise<SessionInfo> {
  atStart ??= askSession();
  atStart.catch(() => (atStart = null)); // a failed ask is asked again
  return atStart;
}

/** Asks the host now, past the start's shared answer (a page waiting for a sign-in to happen). */
export async function askSession(): Promise<SessionInfo> {
  if (window.desk) return window.desk.session();
  const res = await fetch('/auth/session', { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`session: HTTP ${res.status}`);
  return (await res.json()) as SessionInfo;
}

export async function signIn(name: string, password: string): Promise<void> {
  if (window.desk) {
    const { error } = await window.desk.signIn(name, password);
    if (error) throw new SignInError(error.code, error.message, error.details?.retryAfterSeconds);
    atStart = null;
    return;
  }
  const res = await fetch('/auth/login', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  if (res.ok) {
    atStart = null; // who is signed in changed: the next ask goes to the host
    return;
  }
  const body = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string; details?: { retryAfterSeconds?: number } } };
  throw new SignInError(body.error?.code ?? 'internal', body.error?.message ?? `HTTP ${res.status}`, body.error?.details?.retryAfterSeconds);
}

export async function signOut(): Promise<void> {
  if (window.desk) return window.desk.signOut();
  await fetch('/auth/logout', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: '{}' });
}
