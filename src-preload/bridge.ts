/**
 * What the preload exposes as `window.desk`. Results come back as `{ result }` or `{ error }` because
 * Electron strips custom fields from errors thrown across IPC.
 */
export interface DeskBridge {
  call(method: string, params: unknown): Promise<{ result?: unknown; error?: { code: string; message: string; field?: string } }>;
  on(listener: (event: string, payload: unknown) => void): () => void;
  platform: string;
  /** Who is signed in on this window; sign in (errors as values) and out: the desk PC's quick switch. */
  session(): Promise<{ signedIn: boolean; openDesk: boolean; user: { name: string; displayName: string | null; role: 'receptionist' | 'manager' | 'admin' } | null }>;
  signIn(name: string, password: string): Promise<{ error?: { code: string; message: string; details?: { retryAfterSeconds?: number } } }>;
  signOut(): Promise<void>;
}
