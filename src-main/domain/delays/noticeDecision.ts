/**
 * Who gets a delay notice, decided as a pure function so the preview and the real send are the same
 * computation. A patient "knows" the time of their last notice (or the booked time when never told);
 * they are told again only when the ETA moves away from what they know by at least the threshold.
 */
import { localParts } from '../hours/zonedTime';
import { chooseServiceChannel } from '../messaging/channelChoice';
import type { AppointmentStatus } from './delayPlanner';

export type NoticeChannel = 'whatsapp' | 'sms';
export type NoticeKind = 'delay' | 'on_time';

export type SkipReason =
  | 'not_waiting' // checked in, in visit, done, cancelled or no-show: they are here or not coming
  | 'already_started' // the booked time has passed; a notice would arrive too late to help
  | 'below_threshold'
  | 'daily_cap'
  | 'quiet_hours'
  | 'no_channel'
  | 'no_consent';

export interface NoticePolicy {
  thresholdMinutes: number;
  capPerPatientPerDay: number;
  /** Local "HH:MM" range in the clinic's zone during which nothing is sent; may wrap midnight. */
  quietHours: { from: string; to: string } | null;
  timeZone: string;
}

export const DEFAULT_NOTICE_POLICY: Omit<NoticePolicy, 'timeZone'> = {
  thresholdMinutes: 15,
  capPerPatientPerDay: 2,
  quietHours: { from: '21:00', to: '07:00' },
};

export interface NoticeCandidate {
  appointmentId: number;
  patientId: number;
  status: AppointmentStatus;
  startsAt: number;
  /** From the planner. */
  eta: number;
  /** ETA told in the last notice for this appointment; null when never told. */
  lastToldEta: number | null;
  patient: {
    language: string | null;
    preferredChannel: NoticeChannel | null;
    /** Channels the patient can be reached on (has a number / WhatsApp identity). */
    reachable: readonly NoticeChannel[];
    consents: Partial<Record<NoticeChannel, boolean>>;
    /** False while the clinic's WhatsApp is not linked (unknown: assumed linked). */
    whatsappLinked?: boolean;
  };
}

export interface PlannedNotice {
  appointmentId: number;
  patientId: number;
  kind: NoticeKind;
  channel: NoticeChannel;
  language: string | null;
  eta: number;
  /** What the patient knew before this notice. */
  previousEta: number;
  delayMs: number;
  idempotencyKey: string;
}

export interface SkippedNotice {
  appointmentId: number;
  patientId: number;
  reason: SkipReason;
}

export interface NoticeDecisionInput {
  candidates: readonly NoticeCandidate[];
  /** Notices already sent (or queued) today per patient id, counted against the cap. */
  sentToday: ReadonlyMap<number, number>;
  now: number;
  /** Increases whenever the practitioner's delay state changes; part of the idempotency key. */
  revision: number;
  policy: NoticePolicy;
}

export interface NoticeDecision {
  notices: PlannedNotice[];
  skipped: SkippedNotice[];
}

const MINUTE = 60_000;

export function noticeKey(appointmentId: number, revision: number): string {
  return `delay-notice:${appointmentId}:${revision}`;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function inQuietHours(t: number, policy: NoticePolicy): boolean {
  if (!policy.quietHours) return false;
  const minute = localParts(t, policy.timeZone).minute;
  const from = minutesOf(policy.quietHours.from);
  const to = minutesOf(policy.quietHours.to);
  if (from === to) return false;
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

function pickChannel(p: NoticeCandidate['patient']): { channel: NoticeChannel } | { reason: SkipReason } {
  // The shared service-message rule: preferred channel, else the other one the patient consented to.
  const choice = chooseServiceChannel({
    preferred: p.preferredChannel,
    consents: p.consents,
    hasPhone: p.reachable.includes('sms'),
    hasWhatsappId: p.reachable.includes('whatsapp'),
    whatsappLinked: p.whatsappLinked ?? true,
    notOnWhatsapp: !p.reachable.includes('whatsapp'),
  });
  if (choice.ok) return { channel: choice.channel };
  const reasons = Object.values(choice.why);
  return { reason: reasons.length > 0 && reasons.every((r) => r === 'no_address') ? 'no_channel' : 'no_consent' };
}

function classify(c: NoticeCandidate, thresholdMs: number): NoticeKind | 'below_threshold' {
  const known = c.lastToldEta ?? c.startsAt;
  if (Math.abs(c.eta - known) < thresholdMs) return 'below_threshold';
  const backOnTime = c.eta - c.startsAt < thresholdMs;
  if (backOnTime) return c.lastToldEta === null ? 'below_threshold' : 'on_time';
  return 'delay';
}

export function decideNotices(input: NoticeDecisionInput): NoticeDecision {
  const { policy, now } = input;
  const thresholdMs = policy.thresholdMinutes * MINUTE;
  const quiet = inQuietHours(now, policy);
  const counts = new Map(input.sentToday);
  const notices: PlannedNotice[] = [];
  const skipped: SkippedNotice[] = [];
  const skip = (c: NoticeCandidate, reason: SkipReason): void => {
    skipped.push({ appointmentId: c.appointmentId, patientId: c.patientId, reason });
  };

  const ordered = [...input.candidates].sort((a, b) => a.startsAt - b.startsAt || a.appointmentId - b.appointmentId);
  for (const c of ordered) {
    if (c.status !== 'booked' && c.status !== 'confirmed') {
      skip(c, 'not_waiting');
      continue;
    }
    if (c.startsAt <= now) {
      skip(c, 'already_started');
      continue;
    }
    const kind = classify(c, thresholdMs);
    if (kind === 'below_threshold') {
      skip(c, kind);
      continue;
    }
    if (quiet) {
      skip(c, 'quiet_hours');
      continue;
    }
    const channel = pickChannel(c.patient);
    if ('reason' in channel) {
      skip(c, channel.reason);
      continue;
    }
    const sent = counts.get(c.patientId) ?? 0;
    if (sent >= policy.capPerPatientPerDay) {
      skip(c, 'daily_cap');
      continue;
    }
    counts.set(c.patientId, sent + 1);
    notices.push({
      appointmentId: c.appointmentId,
      patientId: c.patientId,
      kind,
      channel: channel.channel,
      language: c.patient.language,
      eta: c.eta,
      previousEta: c.lastToldEta ?? c.startsAt,
      delayMs: Math.max(0, c.eta - c.startsAt),
      idempotencyKey: noticeKey(c.appointmentId, input.revision),
    });
  }
  return { notices, skipped };
}
