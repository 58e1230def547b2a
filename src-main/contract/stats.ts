import { z } from 'zod';
import { method, type MethodMap } from './define';

/** Manager statistics (issue 18): one report for a day, week, month or range, with the period before it. */

const civilDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const count = z.number().int().nonnegative();
const ms = z.number().nonnegative();

export const statsPeriodKind = z.enum(['day', 'week', 'month', 'range']);
export type StatsPeriodKind = z.infer<typeof statsPeriodKind>;

/** `date` anchors day/week/month (the week is Monday–Sunday, the month the calendar month); `from`/`to` a range (both inclusive). */
export const statsPeriodRequest = z
  .object({
    kind: statsPeriodKind,
    date: civilDate.optional(),
    from: civilDate.optional(),
    to: civilDate.optional(),
  })
  .strict();

export const statsPeriod = z.object({
  kind: statsPeriodKind,
  from: civilDate,
  /** Inclusive last day. */
  to: civilDate,
  startMs: z.number().int(),
  endMs: z.number().int(),
  timeZone: z.string(),
});
export type StatsPeriod = z.infer<typeof statsPeriod>;

/** A distribution of durations: how many, median and 90th percentile; null when there is nothing to measure. */
export const durationDist = z.object({ n: count, medianMs: ms.nullable(), p90Ms: ms.nullable() });
export type DurationDist = z.infer<typeof durationDist>;

export const statsChannel = z.enum(['whatsapp', 'sms', 'phone']);

export const channelContacts = z.object({
  channel: statsChannel,
  newConversations: count,
  messagesIn: count,
  messagesOut: count,
  /** Of messagesOut: automatic replies, notices, text-backs (no desk author). */
  messagesOutAutomatic: count,
  callsIn: count,
  callsOut: count,
});

export const responsiveness = z.object({
  /** Conversations that started waiting in the period (a first unanswered patient message). */
  waits: count,
  answered: count,
  /** Still no human reply (automatic replies do not count). */
  noResponse: count,
  /** Wall-clock time from the first unanswered patient message to the first human reply. */
  frt: durationDist,
  /** The part of each wait that fell inside opening hours. */
  frtOpenTime: durationDist,
  /** The part of each wait that fell outside opening hours. */
  frtClosedTime: durationDist,
  /** Waits that began while the clinic was open / closed. */
  frtArrivedOpen: durationDist,
  frtArrivedClosed: durationDist,
  /** Summed over the period's open days: conversations with a patient message that day still unanswered at closing. */
  unansweredAtClosing: count,
  repliesByAuthor: z.array(z.object({ author: z.string(), replies: count })),
});

export const phoneFigures = z.object({
  total: count,
  answered: count,
  missed: count,
  abandoned: count,
  voicemail: count,
  busy: count,
  /** Missed callers (callback tasks opened in the period). */
  missedCallers: count,
  calledBack: count,
  /** The caller rang again and got through before anyone called back. */
  gotThrough: count,
  /** Still open or dismissed without a call. */
  neverCalledBack: count,
  /** From the first missed call to the callback. */
  callbackTime: durationDist,
});

export const practitionerDelays = z.object({
  practitionerId: z.number().int(),
  name: z.string(),
  visits: count,
  /** Visits with a recorded start. */
  started: count,
  avgDelayMinutes: z.number().nullable(),
  worstDelayMinutes: z.number().nullable(),
  /** Share (0–1) of started visits that began more than 15 minutes late. */
  lateShare: z.number().nullable(),
});

export const visitFigures = z.object({
  appointments: count,
  noShows: count,
  noticesSent: count,
  practitioners: z.array(practitionerDelays),
});

/**
 * Figures that exist only when their capability does (reminders, feedback: the visit-loop issue). Each comes from
 * a provider in domain/stats/optionalFigures.ts; a missing capability means a missing entry, never a zero.
 */
export const optionalFigure = z.object({
  /** i18n key under `stats:optional.` */
  key: z.string(),
  group: z.enum(['reminders', 'feedback']),
  value: z.number().nullable(),
  unit: z.enum(['count', 'score', 'share']),
});

export const smsUsage = z.object({ provider: z.string(), messages: count, segments: count });

export const dailyPoint = z.object({
  date: civilDate,
  contactsIn: count,
  messagesIn: count,
  messagesOut: count,
  callsIn: count,
  missedCalls: count,
  frtMedianMs: ms.nullable(),
});

export const statsReport = z.object({
  period: statsPeriod,
  contacts: z.array(channelContacts),
  responsiveness,
  phone: phoneFigures,
  visits: visitFigures,
  optional: z.array(optionalFigure),
  sms: z.array(smsUsage),
  /** Incoming contacts (patient messages + incoming calls) by local weekday (0 = Monday) and hour. */
  heatmap: z.array(z.array(count).length(24)).length(7),
  daily: z.array(dailyPoint),
});
export type StatsReport = z.infer<typeof statsReport>;

export const statsResult = z.object({ current: statsReport, previous: statsReport.nullable() });
export type StatsResult = z.infer<typeof statsResult>;

export const statsApi = {
  'stats.report': method(statsPeriodRequest.extend({ compare: z.boolean().default(true) }).strict(), statsResult, { role: 'manager' }),
  /** The end-of-day summary the main desk may show (yesterday or today after closing). */
  'stats.daySummary': method(z.object({ date: civilDate.optional() }).strict(), statsReport, { role: 'manager' }),
} satisfies MethodMap;
