import { Socket } from 'node:net';
import type { PbxLinkState } from '../../domain/calls/liveCalls';
import type { Clock } from '../../domain/shared/clock';
import type { Random } from '../../domain/shared/random';
import { AmiFrameReader, formatAction, type AmiMessage } from './amiProtocol';

/**
 * A long-lived AMI connection: logs in, correlates action responses by ActionID, hands every event to
 * `onEvent`, and reconnects with jittered exponential backoff when the link drops. A rejected login stops
 * retrying (wrong credentials do not fix themselves) and says so through `onState`.
 */
export interface AmiClientOptions {
  host: string;
  port: number;
  username: string;
  secret: string;
  clock: Clock;
  random: Random;
  onEvent: (event: AmiMessage) => void;
  onState?: (state: PbxLinkState) => void;
  /** Injected for tests; defaults to a real TCP socket. */
  createSocket?: () => Socket;
  setTimer?: (fn: () => void, ms: number) => () => void;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Response wait for an action before it fails. */
  actionTimeoutMs?: number;
  /** How often a connected link is checked with Action: Ping; a Ping without answer drops and reconnects the link. */
  pingIntervalMs?: number;
}

/**
 * Event classes the desk logs in for (manager.conf `read =` must allow them): `call` for channels, dials and
 * hangups, `dialplan` for Newexten — since Asterisk 12 Newexten is a dialplan-class event (its Privilege line
 * reads `dialplan,all`), and it is how a call going to VoiceMail is seen live.
 */
export const AMI_EVENT_CLASSES = 'call,dialplan';

/** Delay before reconnect attempt n (1-based): base·2^(n-1), capped, ±20 % jitter so desks do not reconnect in step. */
export function reconnectDelay(attempt: number, random: Random, baseMs = 1_000, maxMs = 60_000): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp * (0.8 + random() * 0.4));
}

const realTimer = (fn: () => void, ms: number): (() => void) => {
  const t = setTimeout(fn, ms);
  t.unref?.();
  return () => clearTimeout(t);
};

interface Pending {
  resolve: (m: AmiMessage) => void;
  reject: (e: Error) => void;
  cancelTimeout: () => void;
}

export class AmiClient {
  private socket: Socket | null = null;
  private reader = new AmiFrameReader();
  private readonly pending = new Map<string, Pending>();
  private nextActionId = 1;
  private attempt = 0;
  private cancelRetry: (() => void) | null = null;
  private stopped = true;
  private state: PbxLinkState = { status: 'disabled', detail: null, nextAttemptAt: null };
  private cancelPing: (() => void) | null = null;

  constructor(private readonly opts: AmiClientOptions) {}

  get linkState(): PbxLinkState {
    return this.state;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.cancelPing?.();
    this.cancelPing = null;
    this.socket?.destroy();
    this.socket = null;
    this.failPending('AMI client stopped');
    this.setState({ status: 'disabled', detail: null, nextAttemptAt: null });
  }

  /** Sends an action and resolves with its response (Response: Success or Error). */
  action(fields: Record<string, string>): Promise<AmiMessage> {
    const socket = this.socket;
    if (!socket || this.state.status !== 'connected') return Promise.reject(new Error('AMI is not connected'));
    return this.send(socket, fields);
  }

  private send(socket: Socket, fields: Record<string, string>): Promise<AmiMessage> {
    const actionId = `desk-${this.nextActionId++}`;
    return new Promise((resolve, reject) => {
      const cancelTimeout = (this.opts.setTimer ?? realTimer)(() => {
        this.pending.delete(actionId);
        reject(new Error(`AMI action ${fields.Action ?? ''} got no response`));
      }, this.opts.actionTimeoutMs ?? 10_000);
      this.pending.set(actionId, { resolve, reject, cancelTimeout });
      socket.write(formatAction({ ...fields, ActionID: actionId }));
    });
  }

  private setState(state: PbxLinkState): void {
    this.state = state;
    this.opts.onState?.(state);
  }

  private failPending(reason: string): void {
    for (const p of this.pending.values()) {
      p.cancelTimeout();
      p.reject(new Error(reason));
    }
    this.pending.clear();
  }

  private connect(): void {
    this.setState({ status: this.attempt === 0 ? 'connecting' : 'reconnecting', detail: this.state.detail, nextAttemptAt: null });
    const socket = this.opts.createSocket ? this.opts.createSocket() : new Socket();
    this.socket = socket;
    this.reader = new AmiFrameReader();
    let loggedIn = false;
    socket.setEncoding('utf8');
    // TCP keepalive finds a peer that vanished without a FIN; the AMI Ping (below) finds one that hangs.
    socket.setKeepAlive?.(true, 30_000);
    socket.on('data', (chunk: string) => {
      const hadBanner = this.reader.banner !== null;
      const messages = this.reader.push(chunk);
      if (!hadBanner && this.reader.banner !== null) {
        void this.login(socket).then((ok) => {
          loggedIn = ok;
        });
      }
      for (const m of messages) this.dispatch(m);
    });
    socket.on('error', (err) => {
      this.state = { ...this.state, detail: err.message };
    });
    socket.on('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.cancelPing?.();
      this.cancelPing = null;
      this.failPending('AMI connection closed');
      if (this.stopped || this.state.status === 'auth_failed') return;
      if (loggedIn) this.attempt = 0;
      this.scheduleReconnect();
    });
    socket.connect(this.opts.port, this.opts.host);
  }

  private async login(socket: Socket): Promise<boolean> {
    try {
      const r = await this.send(socket, { Action: 'Login', Username: this.opts.username, Secret: this.opts.secret, Events: AMI_EVENT_CLASSES });
      if (r.Response === 'Success') {
        this.attempt = 0;
        this.setState({ status: 'connected', detail: null, nextAttemptAt: null });
        this.schedulePing(socket);
        return true;
      }
      this.setState({ status: 'auth_failed', detail: r.Message ?? 'Authentication failed', nextAttemptAt: null });
      socket.destroy();
      return false;
    } catch (err) {
      this.state = { ...this.state, detail: (err as Error).message };
      socket.destroy();
      return false;
    }
  }

  /**
   * A link that looks connected but is dead (Asterisk frozen, a NAT that dropped the mapping) would show
   * "connected" forever: every `pingIntervalMs` an Action: Ping must be answered within the action timeout,
   * else the socket is dropped and the usual reconnect with backoff takes over.
   */
  private schedulePing(socket: Socket): void {
    this.cancelPing?.();
    this.cancelPing = (this.opts.setTimer ?? realTimer)(() => {
      this.cancelPing = null;
      if (this.socket !== socket || this.stopped) return;
      this.send(socket, { Action: 'Ping' }).then(
        () => this.schedulePing(socket),
        () => {
          if (this.socket !== socket) return;
          this.state = { ...this.state, detail: 'the PBX stopped answering (no reply to Ping)' };
          socket.destroy();
        },
      );
    }, this.opts.pingIntervalMs ?? 30_000);
  }

  private dispatch(m: AmiMessage): void {
    if (m.Response !== undefined && m.ActionID !== undefined) {
      const p = this.pending.get(m.ActionID);
      if (p) {
        this.pending.delete(m.ActionID);
        p.cancelTimeout();
        p.resolve(m);
      }
      return;
    }
    if (m.Event !== undefined) this.opts.onEvent(m);
  }

  private scheduleReconnect(): void {
    this.attempt++;
    const delay = reconnectDelay(this.attempt, this.opts.random, this.opts.baseDelayMs, this.opts.maxDelayMs);
    this.setState({ status: 'reconnecting', detail: this.state.detail, nextAttemptAt: this.opts.clock.now() + delay });
    this.cancelRetry = (this.opts.setTimer ?? realTimer)(() => {
      this.cancelRetry = null;
      if (!this.stopped) this.connect();
    }, delay);
  }
}
