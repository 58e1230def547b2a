/**
 * What the preload exposes as `window.desk`. Results come back as `{ result }` or `{ error }` because
 * Electron strips custom fields from errors thrown across IPC.
 */
/** The API error on the wire (see src-main/domain/shared/errors.ts). */
export interface WireErrorShape {
  code: string;
  message: string;
  reason?: string;
  params?: Record<string, string | number | null>;
  field?: string;
  /** Structured facts for the UI to render in its own words (e.g. phone suggestions). */
  details?: unknown;
}

export interface DeskBridge {
  call(method: string, params: unknown): Promise<{ result?: unknown; error?: WireErrorShape }>;
  on(listener: (event: string, payload: unknown) => void): () => void;
  platform: string;
  /** Desktop only: reopen the desk on the real clinic or on the separate demo clinic (its own data folder). */
  openProfile?(profile: 'demo' | 'real'): Promise<void>;
  /** Who is signed in on this window; sign in (errors as values) and out: the desk PC's quick switch. */
  session(): Promise<{ signedIn: boolean; openDesk: boolean; user: { name: string; displayName: string | null; role: 'receptionist' | 'manager' | 'admin' } | null }>;
  signIn(name: string, password: string): Promise<{ error?: { code: string; message: string; details?: { retryAfterSeconds?: number } } }>;
  signOut(): Promise<void>;
  /** Desktop only: the shell's own settings (start at login, LAN sharing, connect to the main desk, diagnostics). */
  shell?(request: { action: string; [key: string]: unknown }): Promise<unknown>;
}
