import type {
  AnyMessageContent,
  AuthenticationState,
  BaileysEventEmitter,
  CacheStore,
  BinaryNode,
  MiscMessageGenerationOptions,
  proto,
  WAMessage,
  WAMessageKey,
  WAPresence,
} from '@whiskeysockets/baileys';

/**
 * The part of Baileys' WASocket the adapter uses, with Baileys' own signatures: the real socket
 * from makeWASocket is passed as it is (realSocket.ts checks that it fits at compile time), and
 * tests pass a fake that emits recorded-shape events.
 */
export interface SocketPort {
  ev: BaileysEventEmitter;
  /** Every frame received fires 'frame': the traffic signal for stale-session detection. */
  ws: { on(event: 'frame', listener: () => void): unknown; off(event: 'frame', listener: () => void): unknown };
  user: { id: string; lid?: string; name?: string; notify?: string } | undefined;
  sendMessage(jid: string, content: AnyMessageContent, options?: MiscMessageGenerationOptions): Promise<WAMessage | undefined>;
  sendPresenceUpdate(type: WAPresence, toJid?: string): Promise<void>;
  presenceSubscribe(toJid: string): Promise<void>;
  onWhatsApp(...phoneNumber: string[]): Promise<{ jid: string; exists: boolean }[] | undefined>;
  requestPairingCode(phoneNumber: string, customPairingCode?: string): Promise<string>;
  logout(msg?: string): Promise<void>;
  end(error: Error | undefined): Promise<void>;
  query(node: BinaryNode, timeoutMs?: number): Promise<unknown>;
  signalRepository: { lidMapping: { getPNForLID(lid: string): Promise<string | null> } };
  /** Asks the sender's phone to upload expired media again; resolves with the message pointing at the new file. */
  updateMediaMessage(message: WAMessage): Promise<WAMessage>;
}

/** Media bytes of a received message (Baileys' downloadMediaMessage in production). */
export type MediaDownloader = (msg: WAMessage, socket: SocketPort) => Promise<Buffer>;

export interface SocketFactoryInput {
  auth: AuthenticationState;
  onLog: (level: 'warn' | 'error', message: string) => void;
  /** WA Web version to announce; absent = Baileys' bundled default (lib/Defaults/index.js). */
  version?: WAVersion;
  /** Content of a message we sent, for Baileys' retry resends (UserFacingSocketConfig.getMessage). */
  getMessage: (key: WAMessageKey) => Promise<proto.IMessage | undefined>;
  /** Retry counts kept across reconnects (UserFacingSocketConfig.msgRetryCounterCache). */
  msgRetryCounterCache: CacheStore;
}

export type WAVersion = [number, number, number];

/** Asks WhatsApp for its current WA Web version; null when offline or the answer is unreadable. */
export type VersionFetcher = () => Promise<WAVersion | null>;

/** Opens one connection attempt. Each reconnect calls it again with the same auth state. */
export type SocketFactory = (input: SocketFactoryInput) => Promise<SocketPort>;
