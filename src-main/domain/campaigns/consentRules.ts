import type { Channel } from '../messaging/channelPort';

/**
 * Who may be sent what, on which channel (pure, over plain facts; every sender of this area asks it at the moment it
 * decides, so a consent withdrawn or an opt-out received a second ago is honoured by the next decision):
 * - marketing (campaigns, birthday greetings, recall) needs the MARKETING consent and the consent of the channel used;
 * - service messages (reminders, notices, confirmations) need the channel's consent only;
 * - an opt-out (STOP by SMS, a withdrawn WhatsApp consent by keyword) stops every marketing message on every channel,
 *   and every message on that channel.
 * Service-message channel fallback is issue 17's (domain/messaging/channelChoice.ts); this module is the marketing rule.
 */
export type Purpose = 'marketing' | 'service';

export const REFUSAL_REASONS = ['opted_out', 'no_marketing_consent', 'marketing_withdrawn', 'no_channel_consent', 'no_address', 'no_variant', 'missing_variable', 'first_contact_cap', 'erased'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export interface ConsentState {
  granted: boolean;
  source: string;
}

export interface ConsentFacts {
  consents: Partial<Record<'whatsapp' | 'sms' | 'marketing', ConsentState>>;
  hasPhone: boolean;
  hasWhatsappId: boolean;
  preferredChannel: Channel | null;
  erased: boolean;
}

export type ConsentDecision = { ok: true; channel: Channel } | { ok: false; reason: RefusalReason; channel: Channel | null };

/** Sources that mean "the patient asked us to stop", not a receptionist's correction. */
export const OPT_OUT_SOURCES = ['opt-out keyword', 'patient message', 'opt-out'];

const optedOutOn = (c: ConsentState | undefined): boolean => c !== undefined && !c.granted && OPT_OUT_SOURCES.includes(c.source);

export function reachable(facts: ConsentFacts, channel: Channel): boolean {
  return channel === 'sms' ? facts.hasPhone : facts.hasPhone || facts.hasWhatsappId;
}

/** The patient's preferred channel first, then the campaign's order. */
export function channelOrder(channels: readonly Channel[], preferred: Channel | null): Channel[] {
  return preferred && channels.includes(preferred) ? [preferred, ...channels.filter((c) => c !== preferred)] : [...channels];
}

export function decideConsent(purpose: Purpose, facts: ConsentFacts, channels: readonly Channel[]): ConsentDecision {
  if (facts.erased) return { ok: false, reason: 'erased', channel: null };
  const order = channelOrder(channels, facts.preferredChannel);
  if (purpose === 'marketing') {
    if (optedOutOn(facts.consents.sms) || optedOutOn(facts.consents.whatsapp) || optedOutOn(facts.consents.marketing)) {
      return { ok: false, reason: 'opted_out', channel: null };
    }
    const m = facts.consents.marketing;
    if (!m) return { ok: false, reason: 'no_marketing_consent', channel: null };
    if (!m.granted) return { ok: false, reason: 'marketing_withdrawn', channel: null };
  }
  const reachableChannels = order.filter((c) => reachable(facts, c));
  if (reachableChannels.length === 0) return { ok: false, reason: 'no_address', channel: null };
  for (const c of reachableChannels) if (facts.consents[c]?.granted) return { ok: true, channel: c };
  const first = reachableChannels[0]!;
  if (reachableChannels.every((c) => optedOutOn(facts.consents[c]))) return { ok: false, reason: 'opted_out', channel: first };
  return { ok: false, reason: 'no_channel_consent', channel: first };
}
