/**
 * Contacts per channel, replies per person, the weekday × hour heatmap and the day-by-day series, in one pass
 * over a period's messages and calls. Pure: rows in, figures out.
 */
import type { StatsReport } from '../../contract/stats';
import type { StatsCallRow } from '../../db/repositories/statsActivity';
import type { NewConversationRow, StatsMessageRow } from '../../db/repositories/statsMessages';
import type { OpenCalendar } from './openCalendar';
import type { Turn } from './waits';

type Channel = 'whatsapp' | 'sms' | 'phone';
export const STATS_CHANNELS: readonly Channel[] = ['whatsapp', 'sms', 'phone'];

export interface ContactPass {
  contacts: StatsReport['contacts'];
  repliesByAuthor: StatsReport['responsiveness']['repliesByAuthor'];
  heatmap: number[][];
  daily: Map<string, { contactsIn: number; messagesIn: number; messagesOut: number; callsIn: number; missedCalls: number }>;
  /** Patient messages and human replies, sorted by conversation then time: the input of first-response time. */
  turns: Turn[];
}

/** The channel a new conversation came on: its first WhatsApp/SMS message or its first call, whichever was earlier. */
export function firstChannel(c: NewConversationRow): Channel | null {
  const call = c.firstCallAt !== null ? { at: c.firstCallAt, channel: (c.firstCallSource === 'whatsapp' ? 'whatsapp' : 'phone') as Channel } : null;
  const msg = c.firstMessageAt !== null && c.firstMessageChannel ? { at: c.firstMessageAt, channel: c.firstMessageChannel as Channel } : null;
  if (call && msg) return call.at < msg.at ? call.channel : msg.channel;
  return (msg ?? call)?.channel ?? null;
}

const DAY_MS = 86_400_000;
/** Day numbers since 1970-01-01, a Thursday: weekday index 0 = Monday is (day + 3) % 7. */
const dayNumber = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

export function contactPass(messages: readonly StatsMessageRow[], calls: readonly StatsCallRow[], created: readonly NewConversationRow[], cal: OpenCalendar, dates: readonly string[]): ContactPass {
  const per = new Map(STATS_CHANNELS.map((channel) => [channel, { channel, newConversations: 0, messagesIn: 0, messagesOut: 0, messagesOutAutomatic: 0, callsIn: 0, callsOut: 0 }]));
  const replies = new Map<string, number>();
  const heatmap = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const days = dates.map(() => ({ contactsIn: 0, messagesIn: 0, messagesOut: 0, callsIn: 0, missedCalls: 0 }));
  const firstDay = dates.length ? dayNumber(dates[0]!) : 0;
  const turns: Turn[] = [];
  // Local day and hour by arithmetic on the offset-shifted instant: this loop runs once per message of the period.
  let dayIndex = 0;
  let weekday = 0;
  let hour = 0;
  const place = (at: number): void => {
    const local = cal.localMs(at);
    const dn = Math.floor(local / DAY_MS);
    dayIndex = dn - firstDay;
    weekday = (((dn + 3) % 7) + 7) % 7;
    hour = Math.floor((local - dn * DAY_MS) / 3_600_000);
  };

  for (const c of created) {
    const ch = firstChannel(c);
    if (ch) per.get(ch)!.newConversations++;
  }
  for (const [conversationId, at, direction, channel, author, copy] of messages) {
    const figures = per.get(channel)!;
    place(at);
    const day = days[dayIndex];
    if (direction === 'in') {
      figures.messagesIn++;
      heatmap[weekday]![hour]!++;
      if (day) {
        day.messagesIn++;
        day.contactsIn++;
      }
      turns.push({ conversationId, at, kind: 'in' });
    } else {
      figures.messagesOut++;
      if (day) day.messagesOut++;
      if (author === null) figures.messagesOutAutomatic++;
      else {
        turns.push({ conversationId, at, kind: 'human' });
        if (!copy) replies.set(author, (replies.get(author) ?? 0) + 1);
      }
    }
  }
  for (const [direction, result, whatsapp, at] of calls) {
    const figures = per.get(whatsapp ? 'whatsapp' : 'phone')!;
    if (direction === 'out') {
      figures.callsOut++;
      continue;
    }
    figures.callsIn++;
    place(at);
    heatmap[weekday]![hour]!++;
    const day = days[dayIndex];
    if (day) {
      day.callsIn++;
      day.contactsIn++;
      if (result !== 'answered') day.missedCalls++;
    }
  }
  turns.sort((a, b) => a.conversationId - b.conversationId || a.at - b.at || (a.kind === b.kind ? 0 : a.kind === 'in' ? -1 : 1));
  return {
    contacts: STATS_CHANNELS.map((c) => per.get(c)!),
    repliesByAuthor: [...replies].map(([author, n]) => ({ author, replies: n })).sort((a, b) => b.replies - a.replies || a.author.localeCompare(b.author)),
    heatmap,
    daily: new Map(dates.map((d, i) => [d, days[i]!])),
    turns,
  };
}
