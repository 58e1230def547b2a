import { z } from 'zod';
import { localParts } from '../hours/zonedTime';
import type { CallDirection, CallResult } from './callTypes';

/**
 * Automatic text-back after a missed call ("Sorry we missed your call, write to us here…"): at most once
 * per caller per calendar day in the clinic's zone, and only within the rules the clinic set. Pure.
 */
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time as HH:MM');

export const textBackRulesSchema = z.object({
  enabled: z.boolean(),
  /** `preferred`: WhatsApp for a missed WhatsApp call, else the patient's preferred channel, else SMS. */
  channel: z.enum(['sms', 'whatsapp', 'preferred']),
  /** Template (by shortcode) whose variant in the patient's language is sent. */
  templateShortcode: z.string().min(1),
  onlyKnownPatients: z.boolean(),
  /** Clinic hours the text-back applies in: e.g. only when closed (nobody will call back soon). */
  when: z.enum(['always', 'open_hours', 'closed_hours']),
  /** No texts at night: from quietFrom to quietUntil, local time (may wrap past midnight). */
  quietFrom: hhmm,
  quietUntil: hhmm,
  /** Calls that rang for less than this are pocket dials and get nothing. */
  minRingSeconds: z.number().int().min(0).max(600),
  results: z.array(z.enum(['missed', 'abandoned', 'voicemail', 'busy'])).min(1),
  /** A call recorded later than this after it happened (a PBX import) is not texted about. */
  maxDelayMinutes: z.number().int().min(1).max(24 * 60),
});
export type TextBackRules = z.infer<typeof textBackRulesSchema>;

export const DEFAULT_TEXT_BACK_RULES: TextBackRules = {
  enabled: false,
  channel: 'preferred',
  templateShortcode: 'missedcall',
  onlyKnownPatients: false,
  when: 'always',
  quietFrom: '20:00',
  quietUntil: '08:00',
  minRingSeconds: 3,
  results: ['missed', 'abandoned', 'busy'],
  maxDelayMinutes: 30,
};

export interface TextBackFacts {
  call: { direction: CallDirection; result: CallResult; startedAt: number; ringSeconds: number; viaWhatsApp: boolean };
  /** Outside party in E.164; null when withheld. */
  phone: string | null;
  patient: { preferredChannel: 'sms' | 'whatsapp' | null; optedOut: { sms: boolean; whatsapp: boolean } } | null;
  /** When this caller was last texted back (any channel), null if never. */
  lastTextBackAt: number | null;
  now: number;
  timeZone: string;
  clinicOpen: boolean;
}

export type TextBackSkip =
  | 'disabled'
  | 'not_unanswered_incoming'
  | 'result_not_selected'
  | 'withheld_number'
  | 'unknown_caller'
  | 'rang_too_briefly'
  | 'too_late'
  | 'outside_selected_hours'
  | 'quiet_hours'
  | 'already_today'
  | 'opted_out';

export type TextBackDecision = { send: true; channel: 'sms' | 'whatsapp' } | { send: false; reason: TextBackSkip };

const minutesOf = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

export function inQuietHours(minute: number, from: string, until: string): boolean {
  const [a, b] = [minutesOf(from), minutesOf(until)];
  if (a === b) return false;
  return a < b ? minute >= a && minute < b : minute >= a || minute < b;
}

function pickChannel(rules: TextBackRules, f: TextBackFacts): 'sms' | 'whatsapp' {
  if (rules.channel !== 'preferred') return rules.channel;
  if (f.call.viaWhatsApp) return 'whatsapp';
  return f.patient?.preferredChannel ?? 'sms';
}

export function textBackDecision(rules: TextBackRules, f: TextBackFacts): TextBackDecision {
  const skip = (reason: TextBackSkip): TextBackDecision => ({ send: false, reason });
  if (!rules.enabled) return skip('disabled');
  if (f.call.direction !== 'in' || f.call.result === 'answered') return skip('not_unanswered_incoming');
  if (!(rules.results as string[]).includes(f.call.result)) return skip('result_not_selected');
  if (!f.phone) return skip('withheld_number');
  if (rules.onlyKnownPatients && !f.patient) return skip('unknown_caller');
  if (f.call.ringSeconds < rules.minRingSeconds && f.call.result !== 'busy') return skip('rang_too_briefly');
  if (f.now - f.call.startedAt > rules.maxDelayMinutes * 60_000) return skip('too_late');
  if ((rules.when === 'open_hours' && !f.clinicOpen) || (rules.when === 'closed_hours' && f.clinicOpen)) {
    return skip('outside_selected_hours');
  }
  const here = localParts(f.now, f.timeZone);
  if (inQuietHours(here.minute, rules.quietFrom, rules.quietUntil)) return skip('quiet_hours');
  if (f.lastTextBackAt !== null && localParts(f.lastTextBackAt, f.timeZone).date === here.date) return skip('already_today');
  const channel = pickChannel(rules, f);
  if (f.patient?.optedOut[channel]) return skip('opted_out');
  return { send: true, channel };
}
