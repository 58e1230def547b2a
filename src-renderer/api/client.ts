import type { DeskClient, EventName, EventPayload, MethodName, Request, Response } from '../../src-main/contract';
import type { DeskBridge } from '../../src-preload/bridge';

/** An API failure as the renderer sees it: the contract's error code, a readable message, the field at fault. */
export class ApiError extends Error {
  constructor(readonly code: string, message: string, readonly field?: string) {
    super(message);
    this.name = 'ApiError';
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
  bridge.on((event, payload) => listeners.fire(event, payload));
  return {
    async call(method, request) {
      const { result, error } = await bridge.call(method, request);
      if (error) throw new ApiError(error.code, error.message, error.field);
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

  const connect = (): void => {
    onState('connecting');
    ws = new WebSocket(url);
    ws.onopen = () => {
      retry = 0;
      onState('online');
      while (queue.length) ws!.send(queue.shift()!);
      listeners.fire('connection.restored', {});
    };
    ws.onmessage = (e) => {
      const msg = JSON.parse(String(e.data)) as
        | { type: 'result'; id: number; result?: unknown; error?: { code: string; message: string; field?: string } }
        | { type: 'event'; event: string; payload: unknown };
      if (msg.type === 'event') return listeners.fire(msg.event, msg.payload);
      const p = settle(msg.id);
      if (!p) return;
      if (msg.error) p.reject(new ApiError(msg.error.code, msg.error.message, msg.error.field));
      else p.resolve(msg.result);
    };
    ws.onclose = (e) => {
      onState('offline');
      // Nothing answers a call sent on a closed socket: fail them now, so no button stays locked.
      for (const id of [...pending.keys()]) settle(id)?.reject(new ApiError('connection_lost', 'The connection to the desk was lost'));
      queue.length = 0;
      // The session ended (signed out elsewhere, idle, disabled): back to the sign-in page.
      if (e.code === 4401) location.reload();
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
export const onConnectionState = (fn: (s: ConnectionState) => void): void => {
  connectionListener = fn;
};

/** The one client the renderer uses; it cannot tell which transport is underneath. */
export const desk: DeskClient & { onConnectionRestored(fn: () => void): () => void } = (() => {
  const base = window.desk
    ? ipcClient(window.desk)
    : socketClient(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`, (s) => connectionListener(s));
  return {
    call: base.call.bind(base),
    on: base.on.bind(base),
    onConnectionRestored: (fn: () => void) => base.on('connection.restored' as EventName, fn as (p: EventPayload<EventName>) => void),
  };
})();
