import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Boom } from '@hapi/boom';
import { BufferJSON, type WAMessage, type AnyMessageContent, type AuthenticationCreds, type BaileysEventEmitter, type BaileysEventMap, type BinaryNode, type WACallEvent, type proto } from '@whiskeysockets/baileys';
import type { SocketFactoryInput, SocketPort } from '../../../../src-main/channels/whatsapp/socket/socketPort';

const FIXTURES = path.join(__dirname, '../../../fixtures/whatsapp');

/** A recorded-shape fixture file, with Buffers revived the way Baileys stores them. */
export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8'), BufferJSON.reviver) as T;
}

export type Upsert = BaileysEventMap['messages.upsert'];
export const upserts = fixture<Record<string, Upsert>>('upserts.json');
const updates = fixture<Record<string, unknown>>('updates.json');
/** A recorded payload for `event`: naming the event types the payload (one fixture file holds several events). */
export const update = <K extends keyof BaileysEventMap>(_event: K, name: string): BaileysEventMap[K] => structuredClone(updates[name]) as BaileysEventMap[K];
export function calls(name: string): WACallEvent[] {
  return (updates[name] as (Omit<WACallEvent, 'date'> & { date: string })[]).map((c) => ({ ...c, date: new Date(c.date) }));
}

/** The socket side of Baileys, emitting what tests tell it to; records what the adapter does to it. */
export class FakeSocket implements SocketPort {
  readonly ev = new EventEmitter() as unknown as BaileysEventEmitter;
  readonly ws = new EventEmitter();
  user: SocketPort['user'] = undefined;
  readonly sent: { jid: string; content: AnyMessageContent }[] = [];
  readonly presence: { type: string; jid: string | undefined }[] = [];
  readonly queries: BinaryNode[] = [];
  ended = false;
  loggedOut = false;
  notOnWhatsApp = new Set<string>();
  lids = new Map<string, string>();
  pingFails = false;
  private nextId = 1;

  readonly signalRepository = { lidMapping: { getPNForLID: async (lid: string) => this.lids.get(lid) ?? null } };

  /** Like makeWASocket, merges every `creds.update` into the auth state's creds before anyone else hears it. */
  constructor(
    creds?: AuthenticationCreds,
    private readonly input?: Pick<SocketFactoryInput, 'getMessage' | 'msgRetryCounterCache'>,
  ) {
    if (creds) this.ev.on('creds.update', (u) => Object.assign(creds, u));
  }

  /**
   * A `receipt type="retry"` for one of our messages, handled as rc14 does (lib/Socket/messages-recv.js
   * handleReceipt → willSendMessageAgain / updateSendMessageAgainCount → sendMessagesAgain → getMessage):
   * resolves to what would be re-sent, or 'refused' once maxMsgRetryCount (5, lib/Defaults) is reached.
   */
  async retryReceipt(remoteJid: string, id: string, participant = remoteJid): Promise<unknown> {
    const cache = this.input!.msgRetryCounterCache;
    const key = `${id}:${participant}`;
    const count = ((await cache.get<number>(key)) ?? 0) as number;
    if (count >= 5) return 'refused';
    await cache.set(key, count + 1);
    return (await this.input!.getMessage({ remoteJid, fromMe: true, id, participant })) ?? null;
  }

  emit<K extends keyof BaileysEventMap>(event: K, arg: BaileysEventMap[K]): void {
    this.ev.emit(event, arg);
  }

  /** Like Baileys: `options.messageId` overrides the generated id (the outbox passes a deterministic one). */
  readonly sentIds: string[] = [];
  /**
   * What Baileys would put in the returned WAMessage's `message` (rc14 sendMessage → generateWAMessage); a test
   * sets it to Baileys' real generateWAMessageContent with a local upload. Unset: no content, as before.
   */
  generateContent: ((content: AnyMessageContent) => Promise<proto.IMessage>) | null = null;
  async sendMessage(jid: string, content: AnyMessageContent, options?: { messageId?: string }) {
    this.sent.push({ jid, content });
    const id = options?.messageId ?? `3EB0${String(this.nextId++).padStart(16, '0')}`;
    this.sentIds.push(id);
    const message = this.generateContent ? await this.generateContent(content) : undefined;
    return { key: { remoteJid: jid, fromMe: true, id }, ...(message ? { message } : {}) };
  }
  async sendPresenceUpdate(type: string, jid?: string): Promise<void> {
    this.presence.push({ type, jid });
  }
  async presenceSubscribe(): Promise<void> {}
  async onWhatsApp(...numbers: string[]) {
    return numbers.map((n) => ({ jid: n, exists: !this.notOnWhatsApp.has(n) }));
  }
  async requestPairingCode(): Promise<string> {
    return 'K7WQ9PZD';
  }
  async logout(): Promise<void> {
    this.loggedOut = true;
  }
  async end(): Promise<void> {
    this.ended = true;
  }
  /** What the phone answers to a media retry request (rc14 messages-send.js updateMediaMessage); by default it has no copy. */
  reupload: (msg: WAMessage) => Promise<WAMessage> = async () => {
    throw new Boom('Media re-upload failed by device (NOT_FOUND)', { statusCode: 404 });
  };
  readonly reuploads: string[] = [];
  async updateMediaMessage(msg: WAMessage): Promise<WAMessage> {
    this.reuploads.push(msg.key.id!);
    return this.reupload(msg);
  }
  async query(node: BinaryNode): Promise<unknown> {
    this.queries.push(node);
    if (this.pingFails) throw new Error('Timed Out');
    return { tag: 'iq', attrs: { type: 'result' } };
  }
}
