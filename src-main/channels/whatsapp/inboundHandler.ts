import type { BaileysEventMap, WAMessage, WAMessageKey } from '@whiskeysockets/baileys';
import type { MediaRef } from '../../domain/messaging/channelPort';
import type { Clock } from '../../domain/shared/clock';
import type { WhatsAppSink } from '../../domain/whatsapp/whatsappPort';
import { normalizeJid } from './jid';
import { CallTracker } from './mapping/callTracker';
import { toNumber, type MediaHint } from './mapping/messageContent';
import { counterpartOf, lidsToResolve, mapMessage, type Mapped } from './mapping/messageMapper';
import { mapMessageUpdate, mapReceipt } from './mapping/updateMapper';
import { RecentIds } from './recentIds';
import { withTimeout } from './socket/mediaDownload';
import type { MediaDownloader, SocketPort } from './socket/socketPort';
import type { Timers } from '../../domain/shared/timers';

/**
 * Everything a socket receives, in order, into the domain sink: live and offline messages
 * (`messages.upsert` notify/append), history sync after a reconnect, receipts, edits, deletions,
 * reactions and calls. Repeats are dropped by id; media is downloaded only for new messages.
 */
export interface Activity {
  inboundAt?: number;
  outboundAt?: number;
  /** Something came from the clinic's phone itself. */
  phoneAt?: number;
}

export interface InboundDeps {
  sink: WhatsAppSink;
  clock: Clock;
  includeGroups: () => boolean;
  /** History-sync messages older than this are not imported (a first pairing brings months of chats). */
  historySince: () => number;
  download: MediaDownloader;
  saveMedia: (bytes: Buffer, hint: MediaHint) => Promise<MediaRef>;
  onActivity: (a: Activity) => void;
  onError: (message: string) => void;
  timers: Timers;
  /** A download that takes longer is given up and reported on the message (default 2 min). */
  mediaTimeoutMs?: number;
}

/** Downloads at once: a history sync full of photos must not open a hundred CDN connections. */
const MEDIA_CONCURRENCY = 3;

export class InboundHandler {
  private readonly seen = new RecentIds();
  private readonly lidToPn = new Map<string, string>();
  readonly calls: CallTracker;
  private chain: Promise<void> = Promise.resolve();
  /** Downloads run beside the chain: a message is stored at once, its file attached when it arrives. */
  private readonly downloads = new Set<Promise<void>>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;

  constructor(private readonly d: InboundDeps) {
    this.calls = new CallTracker((lid) => this.lidToPn.get(lid) ?? null);
  }

  /** Subscribes to a socket's events; returns the unsubscribe. */
  attach(sock: SocketPort): () => void {
    const on = <K extends keyof BaileysEventMap>(event: K, fn: (arg: BaileysEventMap[K]) => Promise<void> | void): (() => void) => {
      const listener = (arg: BaileysEventMap[K]): void => this.enqueue(event, () => fn(arg));
      sock.ev.on(event, listener);
      return () => sock.ev.off(event, listener);
    };
    const offs = [
      on('messages.upsert', ({ messages }) => this.messages(sock, messages, null)),
      on('messaging-history.set', ({ messages, lidPnMappings }) => {
        for (const m of lidPnMappings ?? []) this.learnLid(m.lid, m.pn);
        this.d.onActivity({ phoneAt: this.d.clock.now() });
        return this.messages(sock, messages, this.d.historySince());
      }),
      on('lid-mapping.update', (m) => this.learnLid(m.lid, m.pn)),
      on('messages.update', (updates) => {
        for (const u of updates) this.deliver(mapMessageUpdate(u, this.d.clock.now()));
      }),
      on('message-receipt.update', (receipts) => {
        for (const r of receipts) {
          const s = mapReceipt(r);
          if (s) this.d.sink.status(s);
        }
      }),
      on('messages.reaction', (reactions) => {
        for (const { key, reaction } of reactions) this.reaction(key, reaction.key ?? null, reaction.text ?? null, reaction.senderTimestampMs);
      }),
      on('call', async (events) => {
        for (const e of events) {
          await this.resolveCaller(sock, e.callerPn, e.from);
          for (const missed of this.calls.handle(e, this.d.clock.now())) this.d.sink.missedCall(missed);
        }
      }),
    ];
    return () => offs.forEach((off) => off());
  }

  /**
   * Resolves when every event received so far has been handled, with `media` its files too. Shutdown
   * waits without media (a stalled download would hold the app's exit); the next start marks those
   * messages as interrupted (whatsappService).
   */
  async idle(media = true): Promise<void> {
    await this.chain;
    while (media && this.downloads.size) await Promise.all([...this.downloads]);
  }

  sweepCalls(): void {
    for (const missed of this.calls.sweep(this.d.clock.now())) this.d.sink.missedCall(missed);
  }

  private enqueue(event: string, work: () => Promise<void> | void): void {
    this.chain = this.chain.then(work).catch((err: unknown) => this.d.onError(`${event}: ${(err as Error).message}`));
  }

  /**
   * A caller known only by LID (no caller_pn on the call node) is looked up in Baileys' LID mapping
   * store (rc14 lib/Signal/lid-mapping.js, signal key type `lid-mapping`), which lives in the desk's
   * sealed auth state in the database: it survives restarts, unlike this handler's map.
   */
  private async resolveCaller(sock: SocketPort, callerPn: string | undefined, from: string): Promise<void> {
    const lid = normalizeJid(from);
    if (callerPn || !lid || !lid.endsWith('@lid') || this.lidToPn.has(lid)) return;
    const pn = await sock.signalRepository.lidMapping.getPNForLID(lid).catch(() => null);
    if (pn) this.learnLid(lid, pn);
  }

  private learnLid(lid: string, pn: string): void {
    const l = normalizeJid(lid);
    const p = normalizeJid(pn);
    if (l && p) this.lidToPn.set(l, p);
  }

  private async messages(sock: SocketPort, messages: readonly WAMessage[], since: number | null): Promise<void> {
    for (const lid of lidsToResolve(messages.map((m) => m.key))) {
      if (this.lidToPn.has(lid)) continue;
      const pn = await sock.signalRepository.lidMapping.getPNForLID(lid).catch(() => null);
      if (pn) this.learnLid(lid, pn);
    }
    const opts = { includeGroups: this.d.includeGroups(), pnForLid: (lid: string) => this.lidToPn.get(lid) ?? null, now: this.d.clock.now() };
    for (const msg of messages) {
      const mapped = mapMessage(msg, opts);
      if (since !== null && mapped.type === 'message' && mapped.message.at < since) continue;
      await this.deliver(mapped, sock, msg);
    }
  }

  private reaction(target: WAMessageKey, own: WAMessageKey | null, text: string | null, ts: unknown): void {
    const by = own ?? target;
    const id = own?.id;
    if (!id || !target.id) return;
    const who = counterpartOf(by, { pnForLid: (lid) => this.lidToPn.get(lid) ?? null });
    if (!who) return;
    const ms = toNumber(ts as Parameters<typeof toNumber>[0]);
    this.deliver({
      type: 'reaction',
      reaction: { providerId: id, targetProviderId: target.id, emoji: text || null, fromPhone: who.phone, fromWhatsappJid: who.jid, fromClinic: by.fromMe === true, at: ms ?? this.d.clock.now() },
    });
  }

  private async deliver(mapped: Mapped | ReturnType<typeof mapMessageUpdate>, sock?: SocketPort, raw?: WAMessage): Promise<void> {
    if (!mapped) return;
    const { sink } = this.d;
    switch (mapped.type) {
      case 'skip':
        return;
      case 'status':
        sink.status(mapped.status);
        return;
      case 'edit':
        if (this.seen.add(`edit:${mapped.edit.providerId}:${mapped.edit.body}`)) sink.edit(mapped.edit);
        return;
      case 'revoke':
        if (this.seen.add(`revoke:${mapped.revoke.providerId}`)) sink.revoke(mapped.revoke);
        return;
      case 'reaction':
        if (this.seen.add(`reaction:${mapped.reaction.providerId}`)) sink.reaction(mapped.reaction);
        return;
      case 'message': {
        const m = mapped.message;
        if (!this.seen.add(`msg:${m.providerId}`) || sink.knows(m.providerId)) return;
        const media = mapped.media && sock && raw ? mapped.media : null;
        // Stored now, in order, with its file to follow: one slow download never holds the messages behind it.
        if (media) m.meta = { ...m.meta, mediaPending: true };
        sink.message(m);
        this.d.onActivity(m.fromClinic ? { outboundAt: m.at, phoneAt: m.at } : { inboundAt: m.at });
        if (media) this.track(this.fetchMedia(sock!, raw!, m.providerId, media));
      }
    }
  }

  private track(p: Promise<void>): void {
    const done = p.catch((err: unknown) => this.d.onError(`media: ${(err as Error).message}`)).finally(() => this.downloads.delete(done));
    this.downloads.add(done);
  }

  private async fetchMedia(sock: SocketPort, raw: WAMessage, providerId: string, hint: MediaHint): Promise<void> {
    if (this.running >= MEDIA_CONCURRENCY) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      const bytes = await withTimeout(this.d.download(raw, sock), this.d.mediaTimeoutMs ?? 120_000, this.d.timers);
      this.d.sink.mediaSettled(providerId, { media: await this.d.saveMedia(bytes, hint) });
    } catch (err) {
      // The message stays without its file; the reason shows in place of the attachment.
      this.d.sink.mediaSettled(providerId, { error: (err as Error).message });
      this.d.onError(`media of ${providerId}: ${(err as Error).message}`);
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
