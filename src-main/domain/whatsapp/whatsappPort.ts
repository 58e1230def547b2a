import type { ChannelSender, InboundMessage, InboundSink, MediaRef } from '../messaging/channelPort';
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
}

export type WhatsAppInbound =
  | { type: 'message'; message: InboundMessage }
  | { type: 'edit'; edit: WhatsAppEdit }
  | { type: 'revoke'; revoke: WhatsAppRevoke }
  | { type: 'reaction'; reaction: WhatsAppReaction };

export const LINK_STATES = ['idle', 'connecting', 'open', 'reconnecting', 'logged_out', 'restricted', 'disconnected'] as const;
export type LinkState = (typeof LINK_STATES)[number];

/** Why the link is where it is; each maps to one sentence in the UI. */
export const LINK_REASONS = [
  'not_paired',
  'pairing',
  'restart_required',
  'connection_lost',
  'timed_out',
  'connection_closed',
  'service_unavailable',
  'stale_session',
  'network',
  'logged_out',
  'bad_session',
  'corrupt_auth',
  'user_logout',
  'forbidden',
  'multidevice_mismatch',
  'replaced',
  'gave_up',
  'unreachable',
  'stopped',
] as const;
export type LinkReason = (typeof LINK_REASONS)[number];

export interface LinkError {
  at: number;
  message: string;
}

/** What the health panel shows. Times are ms epoch, null when never. */
export interface WhatsAppHealth {
  state: LinkState;
  reason: LinkReason | null;
  /** Latest QR payload while waiting for a scan (rendered as a QR code in the app). */
  qr: string | null;
  pairingCode: string | null;
  linkedPhone: string | null;
  linkedName: string | null;
  pairedAt: number | null;
  attempt: number;
  nextRetryAt: number | null;
  lastInboundAt: number | null;
  lastOutboundAt: number | null;
  /** Last sign of life from the clinic's phone itself (messages typed on it, history and app-state sync). */
  phoneSeenAt: number | null;
  recentErrors: LinkError[];
}

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

/** When first contacts went out, persisted so a restart does not reset the daily cap. */
export interface FirstContactLedger {
  sentSince(since: number): number[];
  record(at: number): void;
}

/** What the area hands the channel to build the real link (composed in src-main/app; the domain never sees Baileys). */
export interface WhatsAppLinkDeps {
  sink: WhatsAppSink;
  authStore: AuthKeyValueStore;
  dataDir: string;
  clock: { now(): number };
  random: () => number;
  pacing: () => PacingSettings;
  ledger: FirstContactLedger;
  includeGroups: () => boolean;
  saveMedia: (bytes: Buffer, hint: { mime: string; fileName: string | null }) => Promise<MediaRef>;
  mediaPath: (ref: MediaRef) => string;
  initialHealth: Partial<WhatsAppHealth>;
}

export type WhatsAppChannelLink = WhatsAppLink & ChannelSender & { settled?(): Promise<void> };
export type WhatsAppLinkFactory = (deps: WhatsAppLinkDeps) => WhatsAppChannelLink;
