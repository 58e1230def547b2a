/**
 * The additive part of a report, one clinic day at a time: contacts per channel, replies per person, incoming
 * contacts per hour, the day's row of the series, unanswered at closing and calls by result. A day's figures come
 * from that day's messages and calls only, so a period's are the sum of its days' (what lets a closed day be
 * computed once and stored, migration 170). Pure: rows in, figures out; `sumDays` adds them up.
 */
import type { StatsReport } from '../../contract/stats';
import type { StatsCallRow } from '../../db/repositories/statsActivity';
import type { StatsMessageRow } from '../../db/repositories/statsMessages';
import { contactPass, STATS_CHANNELS } from './contactFigures';
import type { OpenCalendar } from './openCalendar';
import { measureWaits, unansweredAtClosing, type MeasuredWait, type Wait } from './waits';

/**
 * Bump when what a stored day holds or how it is computed changes: stored days of another version are
 * recomputed (the version is part of their basis).
 */
export const DAY_FIGURES_VERSION = 2;

type ChannelCounts = Omit<StatsReport['contacts'][number], 'channel' | 'newConversations'>;
type CallResults = Pick<StatsReport['phone'], 'total' | 'answered' | 'missed' | 'abandoned' | 'voicemail' | 'busy'>;

export interface DayFigures {
  /** In STATS_CHANNELS order (whatsapp, sms, phone). */
  contacts: ChannelCounts[];
  replies: Array<[author: string, replies: number]>;
  /** Incoming contacts (patient messages and incoming calls) by local hour of the day. */
  hours: number[];
  daily: Omit<StatsReport['daily'][number], 'date' | 'frtMedianMs'>;
  unansweredAtClosing: number;
  /** Incoming calls by result. */
  calls: CallResults;
  /** Waits that started this day (first-response time), the answered ones measured. */
  waits: { started: number; answered: MeasuredWait[] };
}

const weekdayOf = (date: string): number => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;

/** One day's figures from that day's messages, calls and waits (started in [start, end) of `date`). */
export function dayFigures(messages: readonly StatsMessageRow[], calls: readonly StatsCallRow[], waits: readonly Wait[], cal: OpenCalendar, date: string): DayFigures {
  const pass = contactPass(messages, calls, [], cal, [date]);
  const byResult: CallResults = { total: 0, answered: 0, missed: 0, abandoned: 0, voicemail: 0, busy: 0 };
  for (const [direction, result] of calls) {
    if (direction !== 'in') continue;
    byResult.total++;
    byResult[result]++;
  }
  return {
    contacts: pass.contacts.map((c) => ({ messagesIn: c.messagesIn, messagesOut: c.messagesOut, messagesOutAutomatic: c.messagesOutAutomatic, callsIn: c.callsIn, callsOut: c.callsOut })),
    replies: pass.repliesByAuthor.map((r) => [r.author, r.replies]),
    hours: [...pass.heatmap[weekdayOf(date)]!],
    daily: pass.daily.get(date)!,
    unansweredAtClosing: unansweredAtClosing(pass.turns, cal, new Set([date])).total,
    calls: byResult,
    waits: measureWaits(waits, cal),
  };
}

export interface SummedDays {
  contacts: ChannelCounts[];
  repliesByAuthor: StatsReport['responsiveness']['repliesByAuthor'];
  heatmap: number[][];
  daily: Map<string, DayFigures['daily']>;
  unansweredAtClosing: number;
  calls: CallResults;
  waits: { started: number; answered: MeasuredWait[] };
  /** Each day's answered waits' total times (the day series' median first response). */
  waitTotals: Map<string, number[]>;
}

/** A period's additive figures: the sum of its days (given in date order). */
export function sumDays(days: ReadonlyArray<readonly [string, DayFigures]>): SummedDays {
  const contacts: ChannelCounts[] = STATS_CHANNELS.map(() => ({ messagesIn: 0, messagesOut: 0, messagesOutAutomatic: 0, callsIn: 0, callsOut: 0 }));
  const replies = new Map<string, number>();
  const heatmap = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const calls: CallResults = { total: 0, answered: 0, missed: 0, abandoned: 0, voicemail: 0, busy: 0 };
  const daily = new Map<string, DayFigures['daily']>();
  let unanswered = 0;
  const waits = { started: 0, answered: [] as MeasuredWait[] };
  const waitTotals = new Map<string, number[]>();
  for (const [date, d] of days) {
    waits.started += d.waits.started;
    for (const w of d.waits.answered) waits.answered.push(w);
    waitTotals.set(date, d.waits.answered.map((w) => w[0]));
    d.contacts.forEach((c, i) => {
      const sum = contacts[i]!;
      for (const k of Object.keys(sum) as (keyof ChannelCounts)[]) sum[k] += c[k];
    });
    for (const [author, n] of d.replies) replies.set(author, (replies.get(author) ?? 0) + n);
    const row = heatmap[weekdayOf(date)]!;
    d.hours.forEach((n, h) => (row[h]! += n));
    for (const k of Object.keys(calls) as (keyof CallResults)[]) calls[k] += d.calls[k];
    daily.set(date, d.daily);
    unanswered += d.unansweredAtClosing;
  }
  return {
    contacts,
    repliesByAuthor: [...replies].map(([author, n]) => ({ author, replies: n })).sort((a, b) => b.replies - a.replies || a.author.localeCompare(b.author)),
    heatmap,
    daily,
    unansweredAtClosing: unanswered,
    calls,
    waits,
    waitTotals,
  };
}
