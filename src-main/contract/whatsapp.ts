import { z } from 'zod';
import { epochMs } from './common';
import { method, type EventMap, type MethodMap } from './define';

/** Settings → WhatsApp: pairing (QR or code), the link's health, logout, pacing and fallback settings. */

export const linkState = z.enum(['idle', 'connecting', 'open', 'reconnecting', 'logged_out', 'restricted', 'disconnected']);
/** Why the link is where it is; each maps to one sentence in the UI. */
export const linkReason = z.enum([
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
  /** Status 500: a stream or socket error without a code (rc14's fallback); the keys are kept. */
  'stream_error',
  /** Status 405: WhatsApp refused the announced WA Web version. */
  'client_outdated',
  /** Status 402: WhatsApp refused the connection for this account. */
  'client_refused',
  'corrupt_auth',
  'user_logout',
  'forbidden',
  'multidevice_mismatch',
  'replaced',
  'gave_up',
  'unreachable',
  'stopped',
]);

export const whatsappSettings = z.object({
  /** Shortest and longest gap between two WhatsApp sends (ms); limits 2 s – 2 min. */
  minGapMs: z.number().int(),
  maxGapMs: z.number().int(),
  /** Messages per rolling 24 h to numbers that never wrote to the clinic; 0–200. */
  firstContactDailyCap: z.number().int(),
  /** Show "typing…" before each message. */
  typing: z.boolean(),
  /** A number without WhatsApp gets the message by SMS instead. */
  smsFallback: z.boolean(),
  /** Store group chats too (off: the desk is for one-to-one conversations with patients). */
  includeGroups: z.boolean(),
  /** WA Web version announced to WhatsApp ("2.3000.1027934701"); '' = Baileys' bundled one, refreshed online after a 405. */
  webVersion: z.string(),
});
export type WhatsAppSettingsDto = z.infer<typeof whatsappSettings>;

const ms = epochMs.nullable();

export const whatsappStatus = z.object({
  /** The demo clinic simulates WhatsApp: nothing to pair. */
  demo: z.boolean(),
  state: linkState,
  reason: linkReason.nullable(),
  /** WhatsApp ended the link (or the keys were unreadable): the clinic must scan a QR again. */
  pairAgain: z.boolean(),
  /** Latest QR payload while waiting for a scan (rendered as a QR code in the app). */
  qr: z.string().nullable(),
  pairingCode: z.string().nullable(),
  linkedPhone: z.string().nullable(),
  linkedName: z.string().nullable(),
  pairedAt: ms,
  attempt: z.number().int().nonnegative(),
  nextRetryAt: ms,
  lastInboundAt: ms,
  lastOutboundAt: ms,
  /** Last sign of life from the clinic's phone itself (messages typed on it, history and app-state sync). */
  phoneSeenAt: ms,
  /** Messages waiting for WhatsApp, and those parked after failing. */
  queued: z.number().int().nonnegative(),
  parked: z.number().int().nonnegative(),
  recentErrors: z.array(z.object({ at: epochMs, message: z.string() })),
  /** Days since the clinic's phone was last seen; warn from 10 (WhatsApp unlinks after 14). */
  phone: z.object({ silentDays: z.number().int().nonnegative().nullable(), warn: z.boolean(), logoutAt: ms }),
  settings: whatsappSettings,
});
export type WhatsAppStatus = z.infer<typeof whatsappStatus>;

export const whatsappApi = {
  'whatsapp.status': method(z.object({}), whatsappStatus),
  /** Starts the link: shows a QR to scan (pushed as `whatsapp.status` updates) or reconnects a paired desk. */
  'whatsapp.pair': method(z.object({}), whatsappStatus),
  'whatsapp.pairingCode': method(
    z.object({ phone: z.string().trim().min(6, 'the phone number of the clinic\'s WhatsApp, with country code').max(32) }),
    z.object({ code: z.string() }),
  ),
  'whatsapp.logout': method(z.object({}), whatsappStatus),
  'whatsapp.updateSettings': method(whatsappSettings.partial(), whatsappSettings),
} satisfies MethodMap;

export const whatsappEvents = {
  'whatsapp.status': whatsappStatus,
} satisfies EventMap;
