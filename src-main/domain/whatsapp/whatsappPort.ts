import type { ChannelSender, InboundMessage, InboundSink, MediaRef } from '../messaging/channelPort';
import type { WhatsAppStatus } from '../../contract/whatsapp';
import type { SecretBox } from '../shared/secretBox';
import type { PacingSettings } from './pacing';

/**
 * What the WhatsApp adapter reports beyond the generic channel port: edits, deletions, reactions,
 * missed calls and the link's health. Plain data; no Baileys type crosses this line.
 */

export interface WhatsAppEdit {
  providerId: string;
  body: string;
  at: number;
  fromClinic: boolean;
}

/** "Deleted for everyone": the desk keeps the original text and only marks it deleted. */
export interface WhatsAppRevoke {
  providerId: string;
  at: number;
  fromClinic: boolean;
}

export interface WhatsAppReaction {
  /** Id of the reaction itself: the same reaction delivered twice is applied once. */
  providerId: string;
  targetProviderId: string;
  /** null when the reaction was removed. */
  emoji: string | null;
  fromPhone: string | null;
  fromWhatsappJid: string | null;
  fromClinic: boolean;
  at: number;
}

export interface WhatsAppMissedCall {
  providerCallId: string;
  fromPhone: string | null;
  fromWhatsappJid: string;
  at: number;
  video: boolean;
}

/** Implemented by the domain; the adapter calls it for everything it receives. */
export interface WhatsAppSink extends InboundSink {
  edit(e: WhatsAppEdit): void;
  revoke(e: WhatsAppRevoke): void;
  reaction(e: WhatsAppReaction): void;
  missedCall(c: WhatsAppMissedCall): void;
  /** True when a message with this provider id is already stored (skips re-downloading its media). */
  knows(providerId: string): boolean;
  /**
   * Text of a message the desk sent, by WhatsApp id, so a phone that lost its session can be answered
   * with a resend instead of "Waiting for this message" (Baileys' getMessage). null when unknown or not text.
   */
  sentText(providerId: string): string | null;
  /**
   * The file of a message already stored with `meta.mediaPending` (downloads run beside the inbound
   * order, not in it): `media` when it arrived, else the reason it did not.
   */
  mediaSettled(providerId: string, outcome: { media: MediaRef } | { error: string }): void;
}

export type WhatsAppInbound =
  | { type: 'message'; message: InboundMessage }
  | { type: 'edit'; edit: WhatsAppEdit }
  | { type: 'revoke'; revoke: WhatsAppRevoke }
  | { type: 'reaction'; reaction: WhatsAppReaction };

/** The link's state, reasons and health are declared once, by the contract's zod schema (`whatsappStatus`). */
export type LinkState = WhatsAppStatus['state'];
/** Why the link is where it is; each maps to one sentence in the UI. */
export type LinkReason = NonNullable<WhatsAppStatus['reason']>;
export type LinkError = WhatsAppStatus['recentErrors'][number];

/** What the health panel shows (the link's part of `whatsapp.status`). Times are ms epoch, null when never. */
export type WhatsAppHealth = Pick<
  WhatsAppStatus,
  'state' | 'reason' | 'qr' | 'pairingCode' | 'linkedPhone' | 'linkedName' | 'pairedAt' | 'attempt' | 'nextRetryAt' | 'lastInboundAt' | 'lastOutboundAt' | 'phoneSeenAt' | 'recentErrors'
>;

/** How the domain drives the link (start, pair by code, log out); implemented by the real and the simulated adapter. */
export interface WhatsAppLink {
  start(): Promise<void>;
  stop(): Promise<void>;
  logout(): Promise<void>;
  /** Asks WhatsApp for an 8-character code to type on the phone instead of scanning the QR. */
  requestPairingCode(phoneE164: string): Promise<string>;
  health(): WhatsAppHealth;
  onHealth(listener: (h: WhatsAppHealth) => void): () => void;
}

/** One sealed row of the auth state: credentials (`creds/creds`) or a signal key. `value` null deletes it. */
export interface AuthRecord {
  category: string;
  id: string;
  value: Buffer | null;
}

/** Where the link keeps its auth state: the database (whatsapp_auth), a Map in unit tests. */
export interface AuthKeyValueStore {
  read(category: string, ids: readonly string[]): Map<string, Buffer>;
  /** Applies every record or none. */
  write(records: readonly AuthRecord[]): void;
  clear(): void;
}

/**
 * What Baileys' retry handling needs to outlive a restart (channels/whatsapp/retry): its resend counts, and the
 * content of each message we sent (opaque sealed bytes; the channel alone knows it is a protobuf).
 */
export interface RetryStateStore {
  readCount(key: string): string | null;
  writeCount(key: string, value: string, expiresAt: number): void;
  deleteCount(key: string): void;
  clearCounts(): void;
  saveContent(providerId: string, sealed: Buffer): void;
  loadContent(providerId: string): Buffer | null;
}

/** When first contacts went out, persisted so a restart does not reset the daily cap. */
export interface FirstContactLedger {
  sentSince(since: number): number[];
  record(at: number): void;
}

/** What the area hands the channel to build the real link (composed in src-main/app; the domain never sees Baileys). */
export interface WhatsAppLinkDeps {
  sink: WhatsAppSink;
  authStore: AuthKeyValueStore;
  /** The desk's secret box (ctx.secrets): seals the auth state at rest. */
  secrets: SecretBox;
  clock: { now(): number };
  random: () => number;
  pacing: () => PacingSettings;
  ledger: FirstContactLedger;
  /** Retry counts and sent content in the database; absent in tests that do not need them (then in memory). */
  retryState?: RetryStateStore;
  includeGroups: () => boolean;
  /** The WA Web version set by IT, or null for Baileys' default. */
  webVersion: () => [number, number, number] | null;
  saveMedia: (bytes: Buffer, hint: { mime: string; fileName: string | null }) => Promise<MediaRef>;
  mediaPath: (ref: MediaRef) => string;
  initialHealth: Partial<WhatsAppHealth>;
}

export type WhatsAppChannelLink = WhatsAppLink & ChannelSender & { settled?(): Promise<void> };
export type WhatsAppLinkFactory = (deps: WhatsAppLinkDeps) => WhatsAppChannelLink;
