import WebSocket from 'ws';
import type { WireToClient } from '../host/wire';
import type { CallOutcome } from './backendClient';

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

  constructor(
    readonly url: string,
    private readonly user: string,
    private readonly password: string,
  ) {
    this.connect();
  }

  private setState(s: RemoteState): void {
    this.state = s;
    for (const fn of this.stateListeners) fn(s);
  }

  private connect(): void {
    if (this.closed) return;
    this.setState('connecting');
    const wsUrl = `${this.url.replace(/^http/, 'ws').replace(/\/$/, '')}/ws`;
    const ws = new WebSocket(wsUrl, { headers: { Authorization: `Basic ${Buffer.from(`${this.user}:${this.password}`).toString('base64')}` }, handshakeTimeout: 5000 });
    this.ws = ws;
    ws.on('open', () => {
      // The host lets a socket without a valid login in as a guest (the waiting-room TV): probe with a
      // method only a signed-in desk may call before counting the link as online.
      const probe = this.nextId++;
      this.pending.set(probe, (o) => {
        if (o.error?.code === 'unauthorized') {
          this.setState('unauthorized');
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
      if (res.statusCode === 401 || res.statusCode === 403) this.setState('unauthorized');
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
    });
    ws.on('error', () => undefined);
    ws.on('close', () => {
      if (this.closed) return;
      if (this.state !== 'unauthorized') this.setState('offline');
      // A refused login is retried slowly (IT may be fixing the user); a lost network quickly at first.
      this.retry = this.state === 'unauthorized' ? 5 : Math.min(this.retry + 1, 5);
      this.timer = setTimeout(() => this.connect(), 250 * 2 ** this.retry);
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
