import WebSocket from 'ws';
import { SESSION_COOKIE } from '../host/cookies';
import type { WireToClient } from '../host/wire';
import type { CallOutcome } from './backendClient';
import type { DesktopSessionInfo } from './desktopSessions';
import { pinnedAgent, requestJson } from './remoteHttp';

export type RemoteState = 'connecting' | 'online' | 'offline' | 'unauthorized';

/**
 * A second desk's link to the main desk: the same contract over the host's WebSocket, with this desk's own
 * login. Calls made while the main desk is unreachable wait and go out on reconnect; the link retries with
 * backoff (0.5 s … 8 s) forever, and says so (state) so the window can show "main desk unreachable".
 */
export class RemoteDesk {
  private ws: WebSocket | null = null;
  private nextId = 1;
  private retry = 0;
  private closed = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly queue: string[] = [];
  private readonly pending = new Map<number, (o: CallOutcome) => void>();
  private readonly listeners = new Set<(event: string, payload: unknown) => void>();
  private readonly stateListeners = new Set<(s: RemoteState) => void>();
  state: RemoteState = 'connecting';
  /** The main desk's session cookie (`name=token`), from POST /auth/login; never leaves this process. */
  private cookie: string | null = null;
  private readonly agent: ReturnType<typeof pinnedAgent>;

  /**
   * `fingerprint256`: for an https main desk with its own (self-signed) certificate, the SHA-256 fingerprint
   * the user confirmed; the connection is refused, before the login is sent, when the host shows another one.
   */
  constructor(
    readonly url: string,
    private readonly user: string,
    private readonly password: string,
    fingerprint256?: string,
  ) {
    this.url = url.replace(/\/$/, '');
    this.agent = pinnedAgent(this.url, fingerprint256);
    void this.connect();
  }

  /** POST /auth/login with this desk's user: 'ok', 'refused' (wrong login, locked out) or 'unreachable'. */
  private async login(): Promise<'ok' | 'refused' | 'unreachable'> {
    try {
      const r = await requestJson(`${this.url}/auth/login`, { method: 'POST', body: { name: this.user, password: this.password }, agent: this.agent });
      if (r.status === 401 || r.status === 403 || r.status === 429) return 'refused';
      const set = r.setCookie.map((c) => c.split(';')[0]!.trim()).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
      if (r.status !== 200 || !set) return 'unreachable';
      this.cookie = set;
      return 'ok';
    } catch {
      return 'unreachable';
    }
  }

  /** Who this desk is on the main desk (GET /auth/session with its cookie), in the desktop sign-in's shape. */
  async session(): Promise<DesktopSessionInfo> {
    try {
      const r = await requestJson(`${this.url}/auth/session`, { method: 'GET', cookie: this.cookie, agent: this.agent });
      if (r.status === 200) return r.body as DesktopSessionInfo;
    } catch {
      // unreachable: not signed in until the link is back
    }
    return { signedIn: false, openDesk: false, user: null };
  }

  private setState(s: RemoteState): void {
    this.state = s;
    for (const fn of this.stateListeners) fn(s);
  }

  private retryLater(): void {
    // A refused login is retried slowly (IT may be fixing the user); a lost network quickly at first.
    this.retry = this.state === 'unauthorized' ? 5 : Math.min(this.retry + 1, 5);
    this.timer = setTimeout(() => void this.connect(), 250 * 2 ** this.retry);
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    this.setState('connecting');
    if (!this.cookie) {
      const login = await this.login();
      if (this.closed) return;
      if (login !== 'ok') {
        this.setState(login === 'refused' ? 'unauthorized' : 'offline');
        this.retryLater();
        return;
      }
    }
    const wsUrl = `${this.url.replace(/^http/, 'ws')}/ws`;
    const ws = new WebSocket(wsUrl, { headers: { Cookie: this.cookie! }, handshakeTimeout: 5000, ...(this.agent ? { agent: this.agent } : {}) });
    this.ws = ws;
    ws.on('open', () => {
      // The host lets a socket without a valid login in as a guest (the waiting-room TV): probe with a
      // method only a signed-in desk may call before counting the link as online.
      const probe = this.nextId++;
      this.pending.set(probe, (o) => {
        if (o.error?.code === 'unauthorized') {
          // The session expired or was ended on the main desk: log in again on the next attempt.
          this.cookie = null;
          this.retry = 0;
          ws.close();
          return;
        }
        this.retry = 0;
        this.setState('online');
        while (this.queue.length && ws.readyState === ws.OPEN) ws.send(this.queue.shift()!);
        for (const fn of this.listeners) fn('connection.restored', {});
      });
      ws.send(JSON.stringify({ id: probe, method: 'inbox.list', params: { limit: 1 } }));
    });
    ws.on('unexpected-response', (_req, res) => {
      // An expired session: drop the cookie so the next attempt logs in again.
      if (res.statusCode === 401) this.cookie = null;
      ws.terminate();
    });
    ws.on('message', (data) => {
      let msg: WireToClient;
      try {
        msg = JSON.parse(String(data)) as WireToClient;
      } catch {
        return;
      }
      if (msg.type === 'event') {
        for (const fn of this.listeners) fn(msg.event, msg.payload);
        return;
      }
      const done = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      done?.(msg.error ? { error: msg.error } : { result: msg.result });
      // The session ended on the main desk (expired, signed out, password changed) while the link was open:
      // log in again, so the next calls are this desk's user again rather than a guest's.
      if (msg.error?.code === 'unauthorized' && this.state === 'online') {
        this.cookie = null;
        ws.close();
      }
    });
    ws.on('error', () => undefined);
    ws.on('close', () => {
      if (this.closed) return;
      if (this.state !== 'unauthorized') this.setState('offline');
      if (this.cookie === null) {
        this.timer = setTimeout(() => void this.connect(), 100);
        return;
      }
      this.retryLater();
    });
  }

  call(method: string, params: unknown): Promise<CallOutcome> {
    const id = this.nextId++;
    const frame = JSON.stringify({ id, method, params });
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(frame);
      else this.queue.push(frame);
    });
  }

  on(fn: (event: string, payload: unknown) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  onState(fn: (s: RemoteState) => void): () => void {
    this.stateListeners.add(fn);
    return () => this.stateListeners.delete(fn);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.ws?.terminate();
    for (const [id, done] of this.pending) {
      this.pending.delete(id);
      done({ error: { code: 'channel_unavailable', message: 'disconnected from the main desk' } });
    }
  }
}
