import type { TextBackRules } from '../../contract/calls';
import { localParts } from '../hours/zonedTime';
import type { CallDirection, CallResult } from './callTypes';

/**
 * Automatic text-back after a missed call ("Sorry we missed your call, write to us here…"): at most once
 * per caller per calendar day in the clinic's zone, and only within the rules the clinic set. Pure.
 */
export { textBackRules as textBackRulesSchema, type TextBackRules } from '../../contract/calls';

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
