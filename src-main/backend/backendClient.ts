import type { WireError } from '../host/wire';
import type { DesktopSessionInfo } from './desktopSessions';
import type { BackendFacts, BackendStart, FromBackend, MessageEnd, SessionAction, ShareOptions, ToBackend } from './protocol';

export type CallOutcome = { result: unknown; error?: undefined } | { result?: undefined; error: WireError };

/**
 * The shell's side of the backend: request/response by id, events fanned out, a clean stop. The
 * shell itself stays free: every call is a message, never work on its own thread.
 */
export class BackendClient {
  private nextId = 1;
  private readonly pending = new Map<number, (o: CallOutcome) => void>();
  private readonly pings = new Map<number, () => void>();
  private readonly listeners = new Set<(event: string, payload: unknown) => void>();
  private readonly replies = new Map<number, (msg: FromBackend) => void>();
  /** The shell shows these (the backend decided, with the patient's name). */
  onNotify: ((n: { conversationId: number; title: string; message: string }) => void) | null = null;
  private ready: Promise<Extract<FromBackend, { type: 'ready' }>> | null = null;
  private onReady: ((m: Extract<FromBackend, { type: 'ready' }>) => void) | null = null;
  private onFatal: ((e: Error) => void) | null = null;
  private onStopped: (() => void) | null = null;
  stopped = false;

  constructor(
    private readonly end: MessageEnd<FromBackend, ToBackend>,
    private readonly log: (level: 'info' | 'warn' | 'error', message: string) => void = () => undefined,
  ) {
    end.onMessage((msg) => this.receive(msg));
  }

  private receive(msg: FromBackend): void {
    switch (msg.type) {
      case 'ready':
        this.onReady?.(msg);
        return;
      case 'result': {
        const done = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        done?.(msg.error ? { error: msg.error } : { result: msg.result });
        return;
      }
      case 'pong':
        this.pings.get(msg.id)?.();
        this.pings.delete(msg.id);
        return;
      case 'event':
        for (const fn of this.listeners) fn(msg.event, msg.payload);
        return;
      case 'notify':
        this.onNotify?.(msg);
        return;
      case 'shared':
      case 'diagnostics':
        this.replies.get(msg.id)?.(msg);
        this.replies.delete(msg.id);
        return;
      case 'log':
        this.log(msg.level, msg.message);
        return;
      case 'fatal':
        this.log('error', `backend failed: ${msg.message}`);
        this.onFatal?.(new Error(msg.message));
        return;
      case 'stopped':
        this.stopped = true;
        this.onStopped?.();
        return;
    }
  }

  start(options: BackendStart): Promise<Extract<FromBackend, { type: 'ready' }>> {
    this.ready ??= new Promise((resolve, reject) => {
      this.onReady = resolve;
      this.onFatal = reject;
      this.end.post({ type: 'start', options });
    });
    return this.ready;
  }

  /** A call from one desktop window (its webContents id); the backend answers as that window's signed-in person. */
  call(method: string, params: unknown, windowId: number): Promise<CallOutcome> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.end.post({ type: 'call', id, method, params, windowId });
    });
  }

  private sessionRequest(windowId: number, action: SessionAction): Promise<CallOutcome> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.end.post({ type: 'session', id, windowId, action });
    });
  }

  /** Who is signed in at this window (or the open desk before the clinic has logins). */
  async session(windowId: number): Promise<DesktopSessionInfo> {
    const o = await this.sessionRequest(windowId, { action: 'info' });
    if (o.error) return { signedIn: false, openDesk: false, user: null };
    return o.result as DesktopSessionInfo;
  }

  /** Signs a person in at this window; the session token stays in the backend. */
  async signIn(windowId: number, name: string, password: string): Promise<{ error?: WireError }> {
    const o = await this.sessionRequest(windowId, { action: 'signIn', name, password });
    return o.error ? { error: o.error } : ((o.result as { error?: WireError }) ?? {});
  }

  async signOut(windowId: number): Promise<void> {
    await this.sessionRequest(windowId, { action: 'signOut' });
  }

  /** Round trip to the backend's event loop (diagnostics: is the backend alive and how busy). */
  ping(): Promise<number> {
    const id = this.nextId++;
    const t0 = performance.now();
    return new Promise((resolve) => {
      this.pings.set(id, () => resolve(performance.now() - t0));
      this.end.post({ type: 'ping', id });
    });
  }

  private ask<T extends FromBackend>(post: (id: number) => ToBackend): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.replies.set(id, (m) => resolve(m as T));
      this.end.post(post(id));
    });
  }

  /** Shares the desk on the LAN (options) or stops sharing (null); resolves with the address or the error. */
  share(options: ShareOptions | null): Promise<Extract<FromBackend, { type: 'shared' }>> {
    return this.ask((id) => ({ type: 'share', id, options }));
  }

  diagnostics(): Promise<BackendFacts> {
    return this.ask<Extract<FromBackend, { type: 'diagnostics' }>>((id) => ({ type: 'diagnostics', id })).then((m) => m.facts);
  }

  focus(focused: boolean): void {
    this.end.post({ type: 'focus', focused });
  }

  on(fn: (event: string, payload: unknown) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Asks for a clean stop (outbox, channels, host, database); resolves when done or after `timeoutMs`. */
  stop(timeoutMs = 10_000): Promise<boolean> {
    if (this.stopped) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.onStopped = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.end.post({ type: 'stop' });
    });
  }

  /** The backend died: every call still waiting fails instead of hanging the window. */
  failPending(message: string): void {
    for (const [id, done] of this.pending) {
      this.pending.delete(id);
      done({ error: { code: 'internal', message } });
    }
  }
}
