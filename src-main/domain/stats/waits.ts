/**
 * First-response time, as a pure function of a conversation's turns. A "turn" is a patient message ('in') or a
 * human reply ('human': a desk user or the clinic's own phone). Automatic replies, notices and text-backs are not
 * turns: the patient is still waiting for a person, exactly as the inbox's `waiting_since` rule says.
 *
 * A wait starts at the first patient message not yet answered and ends at the first human reply after it; later
 * patient messages in the same wait do not restart the clock. A wait belongs to the period in which it started.
 */
import type { DurationDist } from '../../contract/stats';
import type { OpenCalendar } from './openCalendar';
import { distribution } from './percentiles';

export interface Turn {
  conversationId: number;
  at: number;
  kind: 'in' | 'human';
}

export interface Wait {
  conversationId: number;
  startAt: number;
  /** The first human reply; null when none came (yet). */
  respondedAt: number | null;
}

/**
 * The definition of a wait, in code. Reports read the waits from conversation_waits (migration 091), which triggers
 * on messages keep by this same rule; the tests check the table against this function over random histories.
 *
 * Waits that start among `turns` (sorted by conversation, then time). `waitingAtStart` holds conversations whose
 * patient was already waiting when the turns begin: their first messages continue that earlier wait.
 * Returns the waits and the conversations still waiting after the last turn (their reply, if any, came later).
 */
export function findWaits(turns: readonly Turn[], waitingAtStart: ReadonlySet<number>): { waits: Wait[]; openAtEnd: number[] } {
  const waits: Wait[] = [];
  const openAtEnd: number[] = [];
  let conv = -1;
  let waiting: 'none' | 'earlier' | Wait = 'none';
  const close = (): void => {
    if (waiting !== 'none' && conv !== -1) openAtEnd.push(conv);
  };
  for (const t of turns) {
    if (t.conversationId !== conv) {
      close();
      conv = t.conversationId;
      waiting = waitingAtStart.has(conv) ? 'earlier' : 'none';
    }
    if (t.kind === 'in') {
      if (waiting === 'none') {
        waiting = { conversationId: conv, startAt: t.at, respondedAt: null };
        waits.push(waiting);
      }
    } else if (waiting !== 'none') {
      if (waiting !== 'earlier') waiting.respondedAt = t.at;
      waiting = 'none';
    }
  }
  close();
  return { waits, openAtEnd };
}

export interface WaitFigures {
  waits: number;
  answered: number;
  noResponse: number;
  frt: DurationDist;
  frtOpenTime: DurationDist;
  frtClosedTime: DurationDist;
  frtArrivedOpen: DurationDist;
  frtArrivedClosed: DurationDist;
}

/** An answered wait measured: total ms, ms of it the clinic was open, whether the patient wrote while open (1). */
export type MeasuredWait = [totalMs: number, openMs: number, arrivedOpen: 0 | 1];

/** How many waits started, and the answered ones measured against the opening hours. */
export function measureWaits(waits: readonly Wait[], cal: OpenCalendar): { started: number; answered: MeasuredWait[] } {
  const answered: MeasuredWait[] = [];
  for (const w of waits) {
    if (w.respondedAt === null) continue;
    answered.push([w.respondedAt - w.startAt, cal.openMsBetween(w.startAt, w.respondedAt), cal.isOpenAt(w.startAt) ? 1 : 0]);
  }
  return { started: waits.length, answered };
}

/** Medians and p90s of measured waits (a period's: the days' lists put together). */
export function waitDistributions(started: number, answered: readonly MeasuredWait[]): WaitFigures {
  const all: number[] = [];
  const open: number[] = [];
  const closed: number[] = [];
  const arrivedOpen: number[] = [];
  const arrivedClosed: number[] = [];
  for (const [total, inside, whileOpen] of answered) {
    all.push(total);
    open.push(inside);
    closed.push(total - inside);
    (whileOpen ? arrivedOpen : arrivedClosed).push(total);
  }
  return {
    waits: started,
    answered: all.length,
    noResponse: started - all.length,
    frt: distribution(all),
    frtOpenTime: distribution(open),
    frtClosedTime: distribution(closed),
    frtArrivedOpen: distribution(arrivedOpen),
    frtArrivedClosed: distribution(arrivedClosed),
  };
}

/** Medians and p90s of the answered waits, the open-hours and closed-hours parts apart. */
export function waitFigures(waits: readonly Wait[], cal: OpenCalendar): WaitFigures {
  const m = measureWaits(waits, cal);
  return waitDistributions(m.started, m.answered);
}

/**
 * For each open day, the conversations whose patient wrote that day before closing and had no human reply by
 * closing time; summed. `turns` sorted by conversation, then time. A wait answered after closing still counts.
 */
export function unansweredAtClosing(turns: readonly Turn[], cal: OpenCalendar, dates: ReadonlySet<string>): { total: number; byDate: Map<string, number> } {
  const byDate = new Map<string, number>();
  let i = 0;
  while (i < turns.length) {
    const conv = turns[i]!.conversationId;
    let j = i;
    while (j < turns.length && turns[j]!.conversationId === conv) j++;
    const counted = new Set<string>();
    for (let k = i; k < j; k++) {
      const t = turns[k]!;
      if (t.kind !== 'in') continue;
      const date = cal.dateOf(t.at);
      if (counted.has(date) || !dates.has(date)) continue;
      const closing = cal.closingOf(date);
      if (closing === null || t.at >= closing) continue;
      counted.add(date);
      // The last turn at or before closing decides: a patient message means the patient was left waiting.
      let last = t;
      for (let m = k + 1; m < j && turns[m]!.at <= closing; m++) last = turns[m]!;
      if (last.kind === 'in') byDate.set(date, (byDate.get(date) ?? 0) + 1);
    }
    i = j;
  }
  let total = 0;
  for (const n of byDate.values()) total += n;
  return { total, byDate };
}
