/**
 * The one decision behind automatic replies: given an inbound message and the facts of its conversation,
 * send at most one automatic reply, or none and say why. Pure; the service gathers the facts, renders
 * the template and enqueues the reply in the same transaction, keyed by the inbound message.
 *
 * Order: out-of-hours (tells the patient when they will hear from us) before a keyword answer before the
 * welcome. Each kind at most once per conversation per local day; out-of-hours also not again within
 * OUT_OF_HOURS_QUIET_MS, so that 23:50 and 00:10 do not both get one.
 */
import { isOpenAt, type BusinessHours } from '../hours/businessHours';
import { localParts } from '../hours/zonedTime';
import type { AutoReplyKind, AutoReplySettings, KeywordTopic } from './autoReplySettings';
import { matchTopic } from './keywords';
import { loopVerdict, type LoopVerdict } from './loopGuard';

export const DAY_MS = 86_400_000;
export const OUT_OF_HOURS_QUIET_MS = 8 * 3_600_000;
/** Longer messages are real requests for a person, not quick questions a canned answer settles. */
export const KEYWORD_MAX_LENGTH = 160;
/** Messages recovered long after they were written (a phone back online) get no automatic reply. */
export const STALE_MS = 60 * 60_000;

export interface SentAutoReply {
  kind: AutoReplyKind;
  topic: KeywordTopic | null;
  at: number;
}

export interface AutoReplyInput {
  now: number;
  message: { body: string; at: number; kind: string };
  conversation: {
    /** The patient's previous inbound message (null: this is the first one ever). */
    previousInboundAt: number | null;
    /** Automatic replies already sent in this conversation, at least those of the last 48 hours. */
    recentAutoReplies: SentAutoReply[];
    optedOut: boolean;
  };
  /** Languages whose keyword rules apply (patient's, detected, clinic's); empty means all. */
  languages: string[];
  settings: AutoReplySettings;
  hours: BusinessHours;
}

export type NoReplyReason =
  | Exclude<LoopVerdict, null>
  | 'opted_out'
  | 'not_a_message'
  | 'stale'
  | 'out_of_hours_already_sent'
  | 'nothing_applies';

export type AutoReplyDecision =
  | { send: true; kind: AutoReplyKind; topic: KeywordTopic | null; templateId: number | null }
  | { send: false; reason: NoReplyReason };

const SILENT_KINDS = new Set(['reaction', 'sticker']);

export function decideAutoReply(input: AutoReplyInput): AutoReplyDecision {
  const { message, conversation, settings, hours } = input;
  if (conversation.optedOut) return { send: false, reason: 'opted_out' };
  if (SILENT_KINDS.has(message.kind)) return { send: false, reason: 'not_a_message' };
  if (input.now - message.at > STALE_MS) return { send: false, reason: 'stale' };

  const today = localParts(message.at, hours.timeZone).date;
  const earlier = conversation.recentAutoReplies.filter((r) => r.at <= message.at);
  const sentToday = earlier.filter((r) => localParts(r.at, hours.timeZone).date === today);
  const lastAutoReplyAt = earlier.reduce<number | null>((max, r) => (max === null || r.at > max ? r.at : max), null);

  const loop = loopVerdict({ body: message.body, at: message.at, lastAutoReplyAt, autoRepliesToday: sentToday.length });
  if (loop) return { send: false, reason: loop };

  const closed = !isOpenAt(hours, message.at);
  let outOfHoursAlreadySent = false;
  if (closed && settings.outOfHours.enabled) {
    outOfHoursAlreadySent = earlier.some(
      (r) => r.kind === 'out_of_hours' && (localParts(r.at, hours.timeZone).date === today || message.at - r.at < OUT_OF_HOURS_QUIET_MS),
    );
    if (!outOfHoursAlreadySent) {
      return { send: true, kind: 'out_of_hours', topic: null, templateId: settings.outOfHours.templateId };
    }
  }

  if (settings.keywords.enabled && message.body.length <= KEYWORD_MAX_LENGTH) {
    const topic = matchTopic(message.body, input.languages);
    const rule = topic ? settings.keywords.topics[topic] : null;
    if (topic && rule?.enabled && !sentToday.some((r) => r.kind === 'keyword' && r.topic === topic)) {
      return { send: true, kind: 'keyword', topic, templateId: rule.templateId };
    }
  }

  const silence = settings.welcome.silenceDays * DAY_MS;
  const firstContact = conversation.previousInboundAt === null || message.at - conversation.previousInboundAt >= silence;
  if (settings.welcome.enabled && firstContact && !sentToday.some((r) => r.kind === 'welcome')) {
    return { send: true, kind: 'welcome', topic: null, templateId: settings.welcome.templateId };
  }

  return { send: false, reason: outOfHoursAlreadySent ? 'out_of_hours_already_sent' : 'nothing_applies' };
}
