import type { Channel } from '../messaging/channelPort';
import type { Random } from '../shared/random';
import { nextGapMs, type PacingSettings } from '../whatsapp/pacing';

/**
 * How fast a campaign hands messages to the outbox. The campaign's own rate (messages a minute, chosen by the
 * manager) is a ceiling; each channel can only be slower:
 * - WhatsApp: the linked device's ban-safe gap (jittered between the clinic's min and max gap), the same the
 *   paced sender applies, so the outbox never holds a backlog a pause could not stop;
 * - SMS: the provider's sending rate for one account: Twilio sends 1 SMS a second from a long code (more is queued
 *   by Twilio, then dropped); SMS Gateway for Android sends from a phone, whose SmsUsageMonitor allows 30 SMS a minute
 *   before asking the user; SMSAPI takes bulk sends, we stay under 100 requests a second.
 */
export const SMS_PROVIDER_MIN_GAP_MS: Record<string, number> = {
  smsapi: 10,
  twilio: 1_000,
  android: 2_000,
};
const UNKNOWN_PROVIDER_GAP_MS = 1_000;

export function campaignGapMs(
  channel: Channel,
  perMinute: number,
  opts: { pacing: Pick<PacingSettings, 'minGapMs' | 'maxGapMs'>; smsProvider: string | null; random: Random },
): number {
  const base = Math.ceil(60_000 / perMinute);
  if (channel === 'whatsapp') return Math.max(base, nextGapMs(opts.pacing, opts.random));
  const provider = opts.smsProvider ? (SMS_PROVIDER_MIN_GAP_MS[opts.smsProvider] ?? UNKNOWN_PROVIDER_GAP_MS) : UNKNOWN_PROVIDER_GAP_MS;
  // ±10 % jitter: a batch of SMS at a perfectly even beat is what a carrier's spam filter looks for.
  const jitter = 0.9 + opts.random() * 0.2;
  return Math.max(provider, Math.round(base * jitter));
}

/** Minutes a campaign of n messages takes at its rate on the slowest of its channels (for the preview). */
export function estimatedMinutes(counts: Partial<Record<Channel, number>>, perMinute: number, opts: { pacing: Pick<PacingSettings, 'minGapMs' | 'maxGapMs'>; smsProvider: string | null }): number {
  const wa = (counts.whatsapp ?? 0) * Math.max(60_000 / perMinute, (opts.pacing.minGapMs + opts.pacing.maxGapMs) / 2);
  const providerGap = opts.smsProvider ? (SMS_PROVIDER_MIN_GAP_MS[opts.smsProvider] ?? UNKNOWN_PROVIDER_GAP_MS) : UNKNOWN_PROVIDER_GAP_MS;
  const sms = (counts.sms ?? 0) * Math.max(60_000 / perMinute, providerGap);
  return Math.ceil((wa + sms) / 60_000);
}
