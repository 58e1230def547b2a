import type { DeskClient, EventName, EventPayload, MethodName, Request, Response } from '../../src-main/contract';
import type { DeskBridge, WireErrorShape } from '../../src-preload/bridge';
import { askSession } from './session';

/** The host's close code when the open desk gets its first login (src-main/host/openDeskSockets.ts). */
const DESK_NOW_HAS_LOGINS = 4402;

/** True once this browser is signed in (checked for a few seconds), false when nobody signs it in. */
async function waitForSignIn(ms = 4_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) {
    const s = await askSession().catch(() => null);
    if (s?.signedIn) return true;
  }
  return false;
}

/**
 * An API failure as the renderer sees it: the contract's error code, the reason and its params (what
 * the desk translates, see i18n/errors.ts), the English message (logs only) and the field at fault.
 */
export class ApiError extends Error {
  readonly reason: string | undefined;
  readonly params: Record<string, string | number | null>;
  /** Structured facts for the UI to render in its own words (e.g. phone suggestions). */
  readonly details: unknown;
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
    extra: { reason?: string; params?: Record<string, string | number | null>; details?: unknown } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.reason = extra.reason;
    this.params = extra.params ?? {};
    this.details = extra.details;
  }
  static from(e: WireErrorShape): ApiError {
    return new ApiError(e.code, e.message, e.field, { reason: e.reason, params: e.params, details: e.details });
  }
  /** The call may or may not have reached the desk: sending it again (with the same idempotency key) is safe. */
  get retryable(): boolean {
    return this.code === 'connection_lost' || this.code === 'timeout';
  }
}

/** How long a call may wait for its answer; imports of a large file get longer. */
export const callTimeoutMs = (method: string): number => (method.endsWith('.import') ? 5 * 60_000 : 30_000);

type Listener = (payload: unknown) => void;

class Listeners {
  private readonly map = new Map<string, Set<Listener>>();
  add(event: string, fn: Listener): () => void {
    const set = this.map.get(event) ?? new Set();
    set.add(fn);
    this.map.set(event, set);
    return () => set.delete(fn);
  }
  fire(event: string, payload: unknown): void {
    for (const fn of this.map.get(event) ?? []) fn(payload);
  }
}

/** Electron: through the preload's `window.desk`. */
function ipcClient(bridge: DeskBridge): DeskClient {
  const listeners = new Listeners();
  bridge.on((event, payload) => {
    // A desk connected to the main desk: the shell reports the link's state (issue 16).
    if (event === 'connection.state') connectionListener((payload as { state: string }).state === 'online' ? 'online' : (payload as { state: string }).state === 'connecting' ? 'connecting' : 'offline');
    listeners.fire(event, payload);
  });
  return {
    async call(method, request) {
      const { result, error } = await bridge.call(method, request);
      if (error) throw ApiError.from(error);
      return result as never;
    },
    on: (event, fn) => listeners.add(event, fn as Listener),
  };
}

export type ConnectionState = 'connecting' | 'online' | 'offline';

/** Browser (host mode): one WebSocket, reconnecting with backoff; calls made while offline wait for it. */
function socketClient(url: string, onState: (s: ConnectionState) => void): DeskClient {
  const listeners = new Listeners();
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  const settle = (id: number): { resolve: (v: unknown) => void; reject: (e: Error) => void } | null => {
    const p = pending.get(id);
    if (!p) return null;
    pending.delete(id);
    clearTimeout(p.timer);
    return p;
  };
  const queue: string[] = [];
  let ws: WebSocket | null = null;
  let nextId = 1;
  let retry = 0;
  let opened = false;

  const connect = (): void => {
    onState('connecting');
    ws = new WebSocket(url);
    ws.onopen = () => {
      retry = 0;
      onState('online');
      while (queue.length) ws!.send(queue.shift()!);
      // Only a re-opened socket is a restored connection: on the first open every view loads by itself
      // (firing it then loaded the calls, the list and the open conversation twice).
      if (opened) listeners.fire('connection.restored', {});
      opened = true;
    };
    ws.onmessage = (e) => {
      const msg = JSON.parse(String(e.data)) as
        | { type: 'result'; id: number; result?: unknown; error?: WireErrorShape }
        | { type: 'event'; event: string; payload: unknown };
      if (msg.type === 'event') return listeners.fire(msg.event, msg.payload);
      const p = settle(msg.id);
      if (!p) return;
      if (msg.error) p.reject(ApiError.from(msg.error));
      else p.resolve(msg.result);
    };
    ws.onclose = (e) => {
      onState('offline');
      // Nothing answers a call sent on a closed socket: fail them now, so no button stays locked.
      for (const id of [...pending.keys()]) settle(id)?.reject(new ApiError('connection_lost', 'The connection to the desk was lost'));
      queue.length = 0;
      // The session ended (signed out elsewhere, idle, disabled): back to the sign-in page.
      if (e.code === 4401) location.reload();
      // The open desk got its first personal login (the wizard's admin, Settings → Users): this page
      // reconnects as whoever it signs in as next (the wizard signs its new admin in), else signs in.
      if (e.code === DESK_NOW_HAS_LOGINS) {
        void waitForSignIn().then((signedIn) => (signedIn ? connect() : location.reload()));
        return;
      }
      retry = Math.min(retry + 1, 6);
      setTimeout(connect, 250 * 2 ** retry);
    };
  };
  connect();

  return {
    call<M extends MethodName>(method: M, request: Request<M>): Promise<Response<M>> {
      const id = nextId++;
      const frame = JSON.stringify({ id, method, params: request });
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          settle(id)?.reject(new ApiError('timeout', `${method} did not answer in time`));
          const i = queue.indexOf(frame);
          if (i >= 0) queue.splice(i, 1);
        }, callTimeoutMs(method));
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
        if (ws?.readyState === WebSocket.OPEN) ws.send(frame);
        else queue.push(frame);
      });
    },
    on: (event, fn) => listeners.add(event, fn as Listener),
  };
}

declare global {
  interface Window {
    desk?: DeskBridge;
  }
}

let connectionListener: (s: ConnectionState) => void = () => undefined;
let lastState: ConnectionState = window.desk ? 'online' : 'connecting';
export const onConnectionState = (fn: (s: ConnectionState) => void): void => {
  connectionListener = fn;
};
/** Whether a call made now reaches the host at once (a call made offline would wait and run later). */
export const isConnected = (): boolean => lastState === 'online';

/** The one client the renderer uses; it cannot tell which transport is underneath. */
export const desk: DeskClient & { onConnectionRestored(fn: () => void): () => void } = (() => {
  const base = window.desk
    ? ipcClient(window.desk)
    : socketClient(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`, (s) => {
        lastState = s;
        connectionListener(s);
      });
  return {
    call: base.call.bind(base),
    on: base.on.bind(base),
    onConnectionRestored: (fn: () => void) => base.on('connection.restored' as EventName, fn as (p: EventPayload<EventName>) => void),
  };
})();
