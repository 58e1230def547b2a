/**
 * What the preload exposes as `window.desk`. Results come back as `{ result }` or `{ error }` because
 * Electron strips custom fields from errors thrown across IPC.
 */
export interface DeskBridge {
  call(method: string, params: unknown): Promise<{ result?: unknown; error?: { code: string; message: string; field?: string } }>;
  on(listener: (event: string, payload: unknown) => void): () => void;
  platform: string;
  /** Desktop only: reopen the desk on the real clinic or on the separate demo clinic (its own data folder). */
  openProfile?(profile: 'demo' | 'real'): Promise<void>;
  /** Desktop only: the shell's own settings (start at login, LAN sharing, connect to the main desk, diagnostics). */
  shell?(request: { action: string; [key: string]: unknown }): Promise<unknown>;
}
