/**
 * Which channel an automatic service message goes on (delay notices, reminders, confirmations, feedback;
 * campaigns reuse it with marketing consent checked on top). Pure: the caller gathers the facts.
 *
 * The patient's preferred channel first (WhatsApp when they have none), then the other one; a channel is
 * usable when the patient consented to it, can be reached on it, and (WhatsApp) the clinic's phone is
 * linked, the number is on WhatsApp and no permanent failure was seen for this message. When the first
 * choice is not usable the answer says why, so the desk can show it on the message.
 */
import type { Channel } from './channelPort';

export type ChannelUnusable =
  | 'no_consent' // the patient has not agreed to this channel (or withdrew it, e.g. STOP)
  | 'no_address' // no phone number (SMS) / no number or WhatsApp id (WhatsApp)
  | 'not_linked' // the clinic's WhatsApp is not linked right now
  | 'not_on_whatsapp' // the number has no WhatsApp account
  | 'failed'; // this message failed permanently on this channel

export interface ChannelFacts {
  preferred: Channel | null;
  consents: Partial<Record<Channel, boolean>>;
  hasPhone: boolean;
  hasWhatsappId: boolean;
  whatsappLinked: boolean;
  /** The number was seen not to be on WhatsApp (a send failed with not_on_whatsapp). */
  notOnWhatsapp?: boolean;
  /** Channels this very message already failed on for good. */
  failedOn?: readonly Channel[];
}

export type ChannelChoice =
  | { ok: true; channel: Channel; fallbackFrom: Channel | null; why: ChannelUnusable | null }
  | { ok: false; why: Partial<Record<Channel, ChannelUnusable>> };

export function channelUnusable(channel: Channel, f: ChannelFacts): ChannelUnusable | null {
  if (f.consents[channel] !== true) return 'no_consent';
  if (f.failedOn?.includes(channel)) return 'failed';
  if (channel === 'sms') return f.hasPhone ? null : 'no_address';
  if (!f.hasPhone && !f.hasWhatsappId) return 'no_address';
  if (f.notOnWhatsapp && !f.hasWhatsappId) return 'not_on_whatsapp';
  if (!f.whatsappLinked) return 'not_linked';
  return null;
}

export function chooseServiceChannel(f: ChannelFacts): ChannelChoice {
  const first: Channel = f.preferred ?? 'whatsapp';
  const order: Channel[] = first === 'whatsapp' ? ['whatsapp', 'sms'] : ['sms', 'whatsapp'];
  const why: Partial<Record<Channel, ChannelUnusable>> = {};
  for (const channel of order) {
    const reason = channelUnusable(channel, f);
    if (reason === null) {
      const skipped = channel === first ? null : first;
      return { ok: true, channel, fallbackFrom: skipped, why: skipped ? (why[skipped] ?? null) : null };
    }
    why[channel] = reason;
  }
  return { ok: false, why };
}
