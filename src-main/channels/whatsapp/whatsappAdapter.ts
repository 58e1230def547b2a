import type { BinaryNode, ConnectionState, proto, WAMessageKey } from '@whiskeysockets/baileys';
import type { ChannelSender, MediaRef, OutgoingMessage, SendResult } from '../../domain/messaging/channelPort';
import type { Clock } from '../../domain/shared/clock';
import type { Random } from '../../domain/shared/random';
import type { PacingSettings } from '../../domain/whatsapp/pacing';
import type { RetryStateStore, WhatsAppHealth, WhatsAppLink, WhatsAppSink } from '../../domain/whatsapp/whatsappPort';
import { CorruptAuthStateError, loadAuthState, type AuthKeyValueStore, type DbAuthState } from './auth/authState';
import type { SecretBox } from '../../domain/shared/secretBox';
import type { BaileysLib } from './baileys';
import { DEFAULT_MACHINE, INITIAL, step, type Effect, type Machine, type MachineConfig, type MachineEvent } from './connection/connectionMachine';
import { statusCodeOf } from './connection/disconnectReason';
import { DEFAULT_STALE, staleVerdict, type Liveness, type StaleConfig } from './connection/staleWatch';
import { InboundHandler, type Activity } from './inboundHandler';
import { phoneOfJid } from './jid';
import type { MediaHint } from './mapping/messageContent';
import { HealthTracker } from './healthTracker';
import { RetryCounterCache } from './retry/retryCounterCache';
import { PacedSender, type FirstContactLedger } from './sending/pacedSender';
import { SocketTransport } from './sending/socketTransport';
import type { MediaDownloader, SocketFactory, SocketPort, VersionFetcher, WAVersion } from './socket/socketPort';
import { realTimers, type Timers } from '../../domain/shared/timers';

export interface WhatsAppAdapterOptions {
  sink: WhatsAppSink;
  authStore: AuthKeyValueStore;
  box: SecretBox;
  lib: () => Promise<Pick<BaileysLib, 'initAuthCreds' | 'BufferJSON' | 'proto'>>;
  socketFactory: SocketFactory;
  download: MediaDownloader;
  saveMedia: (bytes: Buffer, hint: MediaHint) => Promise<MediaRef>;
  mediaPath: (ref: MediaRef) => string;
  clock: Clock;
  random: Random;
  timers?: Timers;
  pacing: () => PacingSettings;
  ledger: FirstContactLedger;
  includeGroups?: () => boolean;
  /** WA Web version set by IT (null: Baileys' default). */
  webVersion?: () => WAVersion | null;
  /** Asks WhatsApp for the current WA Web version after a 405 (best effort: null offline). */
  fetchVersion?: VersionFetcher;
  historySince?: () => number;
  machine?: MachineConfig;
  stale?: StaleConfig;
  /** Health facts remembered from the previous run (last in/out, phone seen, paired at). */
  initialHealth?: Partial<WhatsAppHealth>;
  /** How long one media download may take before the message shows it failed (default 2 min). */
  mediaTimeoutMs?: number;
  /** Retry counts and sent content kept across restarts (the database in the app); in memory without it. */
  retryState?: RetryStateStore;
}

const PING: BinaryNode = { tag: 'iq', attrs: { to: 's.whatsapp.net', type: 'get', xmlns: 'w:p' }, content: [{ tag: 'ping', attrs: {} }] };

/**
 * The WhatsApp channel: runs the connection state machine's effects against a Baileys socket,
 * feeds received events to the domain, and sends through the pacer. One socket at a time; events
 * from a socket already replaced are ignored.
 */
export class WhatsAppAdapter implements ChannelSender, WhatsAppLink {
  readonly channel = 'whatsapp' as const;
  private machine: Machine = INITIAL;
  private auth: DbAuthState | null = null;
  private sock: SocketPort | null = null;
  private detach: (() => void) | null = null;
  private generation = 0;
  private retryTimer: unknown = null;
  private watchTimer: unknown = null;
  private liveness: Liveness = { lastTrafficAt: 0, failedProbes: 0, probeInFlight: false };
  private readonly timers: Timers;
  private readonly cfg: MachineConfig;
  private readonly staleCfg: StaleConfig;
  private readonly inbound: InboundHandler;
  private readonly pacer: PacedSender;
  private readonly healthTracker: HealthTracker;
  private qrWaiters: (() => void)[] = [];
  /** Version learnt online after a 405; wins over the configured one until the next restart. */
  private fetchedVersion: WAVersion | null = null;
  /** One for the adapter's life, handed to every socket: retry counts survive reconnects. */
  private readonly retryCounts: RetryCounterCache;

  constructor(private readonly o: WhatsAppAdapterOptions) {
    this.timers = o.timers ?? realTimers;
    this.cfg = o.machine ?? DEFAULT_MACHINE;
    this.staleCfg = o.stale ?? DEFAULT_STALE;
    this.healthTracker = new HealthTracker(o.initialHealth ?? {});
    this.retryCounts = new RetryCounterCache(() => o.clock.now(), undefined, undefined, o.retryState ?? null);
    this.inbound = new InboundHandler({
      sink: o.sink,
      clock: o.clock,
      includeGroups: o.includeGroups ?? (() => false),
      historySince: o.historySince ?? (() => o.clock.now() - 14 * 24 * 60 * 60_000),
      download: o.download,
      saveMedia: o.saveMedia,
      onActivity: (a: Activity) => this.healthTracker.activity(a),
      onError: (msg) => this.error(msg),
      timers: this.timers,
      ...(o.mediaTimeoutMs ? { mediaTimeoutMs: o.mediaTimeoutMs } : {}),
    });
    const transport = new SocketTransport({ socket: () => this.sock, clock: o.clock, mediaPath: o.mediaPath, onSent: (id, message) => this.rememberSent(id, message) });
    const sleep = (ms: number): Promise<void> => new Promise((resolve) => this.timers.setTimeout(resolve, ms));
    this.pacer = new PacedSender(transport, { clock: o.clock, sleep, random: o.random, settings: o.pacing, ledger: o.ledger });
  }

  health(): WhatsAppHealth {
    return this.healthTracker.snapshot(this.machine);
  }

  onHealth(listener: (h: WhatsAppHealth) => void): () => void {
    return this.healthTracker.subscribe(() => listener(this.health()));
  }

  /** Resolves once every received event has reached the sink (tests, orderly shutdown). */
  settled(): Promise<void> {
    return this.inbound.idle();
  }

  async start(): Promise<void> {
    if (!this.auth) {
      const lib = await this.o.lib();
      try {
        this.auth = loadAuthState({ store: this.o.authStore, box: this.o.box, lib, onKeyError: (c, id, err) => this.error(`key ${c}/${id} unreadable: ${(err as Error).message}`) });
      } catch (err) {
        if (!(err instanceof CorruptAuthStateError)) throw err;
        this.error(err.message);
        await this.dispatch({ type: 'auth_corrupt' });
        return;
      }
    }
    await this.dispatch({ type: 'start' });
  }

  async stop(): Promise<void> {
    await this.dispatch({ type: 'stop' });
    await this.inbound.idle(false);
  }

  async logout(): Promise<void> {
    await this.dispatch({ type: 'logout' });
  }

  async requestPairingCode(phoneE164: string): Promise<string> {
    if (this.auth?.isPaired()) throw new Error('This desk is already linked; log out first');
    if (this.machine.state !== 'connecting') await this.start();
    // Baileys accepts the request only once the socket is up and waiting for pairing (first QR issued).
    if (!this.healthTracker.qr) await new Promise<void>((resolve) => this.qrWaiters.push(resolve));
    if (!this.sock) throw new Error('WhatsApp connection closed before pairing');
    const code = await this.sock.requestPairingCode(phoneE164.replace(/\D/g, ''));
    this.healthTracker.set({ pairingCode: code });
    return code;
  }

  async send(m: OutgoingMessage): Promise<SendResult> {
    if (this.machine.state !== 'open') {
      return { ok: false, code: 'not_connected', reason: 'WhatsApp is not connected', retryable: true };
    }
    const result = await this.pacer.send(m);
    if (result.ok) this.healthTracker.activity({ outboundAt: this.o.clock.now() });
    else this.error(`send to ${m.toPhone ?? m.whatsappJid ?? '?'}: ${result.reason}`);
    return result;
  }

  private error(message: string): void {
    this.healthTracker.error(this.o.clock.now(), message);
  }

  private async dispatch(e: MachineEvent): Promise<void> {
    const { machine, effects } = step(this.machine, e, this.cfg, this.o.random);
    this.machine = machine;
    if (machine.state !== 'connecting') this.healthTracker.set({ qr: null, pairingCode: null });
    for (const effect of effects) await this.run(effect);
    this.watch();
    this.healthTracker.changed();
  }

  private async run(effect: Effect): Promise<void> {
    switch (effect.type) {
      case 'connect':
        await this.connect();
        return;
      case 'schedule_retry':
        this.cancelRetry();
        this.retryTimer = this.timers.setTimeout(() => void this.dispatch({ type: 'retry_due', at: this.o.clock.now() }), effect.delayMs);
        return;
      case 'cancel_retry':
        this.cancelRetry();
        return;
      case 'end_socket':
        await this.dropSocket((s) => s.end(undefined));
        return;
      case 'logout_socket':
        await this.dropSocket((s) => s.logout('Logged out from Clinic Desk'));
        return;
      case 'refresh_version':
        await this.refreshVersion();
        return;
      case 'clear_auth':
        this.o.authStore.clear();
        this.auth = null;
        this.healthTracker.set({ linkedPhone: null, linkedName: null, pairedAt: null });
        await this.dropSocket((s) => s.end(undefined));
        return;
    }
  }

  private async refreshVersion(): Promise<void> {
    const fetched = await (this.o.fetchVersion?.() ?? Promise.resolve(null)).catch(() => null);
    if (fetched) this.fetchedVersion = fetched;
    else this.error('WhatsApp refused the WA Web version (405) and the current one could not be fetched; set it in Settings → WhatsApp');
  }

  private cancelRetry(): void {
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private async dropSocket(how: (s: SocketPort) => Promise<void>): Promise<void> {
    const s = this.sock;
    this.detach?.();
    this.detach = null;
    this.sock = null;
    this.generation++;
    if (s) await how(s).catch((err: unknown) => this.error(`closing the connection: ${(err as Error).message}`));
  }

  private async connect(): Promise<void> {
    await this.dropSocket((s) => s.end(undefined));
    if (!this.auth) {
      const lib = await this.o.lib();
      this.auth = loadAuthState({ store: this.o.authStore, box: this.o.box, lib });
    }
    const auth = this.auth;
    const gen = ++this.generation;
    let sock: SocketPort;
    try {
      const version = this.fetchedVersion ?? this.o.webVersion?.() ?? null;
      sock = await this.o.socketFactory({
        auth: auth.state,
        onLog: (_level, msg) => this.error(msg),
        getMessage: (key) => this.storedMessage(key),
        msgRetryCounterCache: this.retryCounts,
        ...(version ? { version } : {}),
      });
    } catch (err) {
      this.error(`cannot open a connection: ${(err as Error).message}`);
      await this.dispatch({ type: 'close', statusCode: null, at: this.o.clock.now(), paired: auth.isPaired() });
      return;
    }
    this.sock = sock;
    this.liveness = { lastTrafficAt: this.o.clock.now(), failedProbes: 0, probeInFlight: false };
    const current = (): boolean => gen === this.generation;
    const onFrame = (): void => {
      this.liveness.lastTrafficAt = this.o.clock.now();
    };
    const onCreds = (): void => {
      if (current()) auth.saveCreds();
    };
    const onConnection = (u: Partial<ConnectionState>): void => {
      if (current()) void this.connectionUpdate(u, sock, auth);
    };
    sock.ws.on('frame', onFrame);
    sock.ev.on('creds.update', onCreds);
    sock.ev.on('connection.update', onConnection);
    const detachInbound = this.inbound.attach(sock);
    this.detach = () => {
      sock.ws.off('frame', onFrame);
      sock.ev.off('creds.update', onCreds);
      sock.ev.off('connection.update', onConnection);
      detachInbound();
    };
  }

  /** What Baileys re-encrypts for a device that asked again (rc14 messages-recv.js sendMessagesAgain). */
  /**
   * Keeps the exact content Baileys sent (rc14 sendMessage returns the WAMessage whose `message` holds the
   * media's url, directPath, mediaKey and hashes), encoded with Baileys' own protobuf and sealed, so that a
   * retry request can be answered with the same message after a restart (relayMessage re-encrypts it as is).
   */
  private rememberSent(id: string, message: proto.IMessage | null | undefined): void {
    const store = this.o.retryState;
    if (!store || !message) return;
    void this.o
      .lib()
      .then((lib) => store.saveContent(id, this.o.box.seal(Buffer.from(lib.proto.Message.encode(message).finish()).toString('base64'))))
      .catch((err: unknown) => this.error(`cannot keep message ${id} for resends: ${(err as Error).message}`));
  }

  /**
   * Baileys' getMessage for a retry request (rc14 lib/Socket/messages-recv.js sendMessagesAgain → relayMessage):
   * the content kept at send time (text or media), else, for messages sent before it was kept, the text
   * from the timeline; undefined makes Baileys send nothing rather than something wrong.
   */
  private async storedMessage(key: WAMessageKey): Promise<proto.IMessage | undefined> {
    if (!key.id) return undefined;
    const sealed = this.o.retryState?.loadContent(key.id) ?? null;
    if (sealed) {
      try {
        const lib = await this.o.lib();
        return lib.proto.Message.decode(Buffer.from(this.o.box.open(sealed), 'base64'));
      } catch (err) {
        this.error(`stored content of ${key.id} cannot be read: ${(err as Error).message}`);
      }
    }
    const text = this.o.sink.sentText(key.id);
    // Sent as extendedTextMessage, as rc14 generateWAMessageContent builds text (lib/Utils/messages.js).
    return text === null ? undefined : { extendedTextMessage: { text } };
  }

  private async connectionUpdate(u: Partial<ConnectionState>, sock: SocketPort, auth: DbAuthState): Promise<void> {
    const now = this.o.clock.now();
    if (u.qr) {
      this.healthTracker.set({ qr: u.qr });
      this.qrWaiters.splice(0).forEach((resolve) => resolve());
    }
    if (u.isNewLogin) this.healthTracker.set({ pairedAt: now });
    if (u.connection === 'open') {
      const me = sock.user ?? auth.state.creds.me;
      this.healthTracker.set({ linkedPhone: phoneOfJid(me?.id), linkedName: me?.name ?? me?.notify ?? null, pairedAt: this.healthTracker.pairedAt ?? now });
      await this.dispatch({ type: 'open', at: now });
    } else if (u.connection === 'close') {
      const code = statusCodeOf(u.lastDisconnect?.error);
      if (u.lastDisconnect?.error) this.error(`disconnected (${code ?? 'network'}): ${u.lastDisconnect.error.message}`);
      this.detach?.();
      this.detach = null;
      this.sock = null;
      const qrExpired = /QR refs attempts ended/i.test(u.lastDisconnect?.error?.message ?? '');
      await this.dispatch({ type: 'close', statusCode: code, at: now, paired: auth.isPaired(), qrExpired });
    } else {
      this.healthTracker.changed();
    }
  }

  /** While open, checks for a silent session every `checkEveryMs`; stops checking otherwise. */
  private watch(): void {
    if (this.machine.state !== 'open') {
      if (this.watchTimer !== null) this.timers.clearTimeout(this.watchTimer);
      this.watchTimer = null;
      return;
    }
    if (this.watchTimer !== null) return;
    this.watchTimer = this.timers.setTimeout(() => {
      this.watchTimer = null;
      void this.checkLiveness().finally(() => this.watch());
    }, this.staleCfg.checkEveryMs);
  }

  private async checkLiveness(): Promise<void> {
    this.inbound.sweepCalls();
    const sock = this.sock;
    if (this.machine.state !== 'open' || !sock) return;
    const verdict = staleVerdict(this.liveness, this.o.clock.now(), this.staleCfg);
    if (verdict === 'recycle') {
      this.error('the connection looked open but received nothing; reconnecting');
      await this.dispatch({ type: 'stale', at: this.o.clock.now() });
    } else if (verdict === 'probe') {
      this.liveness.probeInFlight = true;
      try {
        await sock.query(structuredClone(PING), 20_000);
        this.liveness.failedProbes = 0;
        this.liveness.lastTrafficAt = this.o.clock.now();
      } catch {
        this.liveness.failedProbes++;
      } finally {
        this.liveness.probeInFlight = false;
      }
    }
  }
}
