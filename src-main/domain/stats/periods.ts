/**
 * The period a report covers, in the clinic's calendar: a day, the Monday–Sunday week, the calendar month or a
 * range of days (inclusive), as UTC instants of local midnights, so a 23- or 25-hour DST day is one day. The
 * previous period is the one just before: the day before, the week before, the month before, or a range of the
 * same number of days ending the day before.
 */
import type { StatsPeriod, StatsPeriodKind } from '../../contract/stats';
import { addDays, isCivilDate, isoWeekdayIndex, zonedToUtc } from '../hours/zonedTime';
import { invalidInput } from '../shared/errors';

export interface PeriodRequest {
  kind: StatsPeriodKind;
  date?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Longest range a report may cover (a year and a day): the queries stay bounded. */
export const MAX_RANGE_DAYS = 366;

function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

function monthEnd(date: string): string {
  const [y, m] = date.split('-').map(Number);
  const next = m === 12 ? `${(y ?? 1970) + 1}-01-01` : `${y}-${String((m ?? 1) + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function make(kind: StatsPeriodKind, from: string, to: string, timeZone: string): StatsPeriod {
  return { kind, from, to, startMs: zonedToUtc(from, 0, timeZone), endMs: zonedToUtc(addDays(to, 1), 0, timeZone), timeZone };
}

function check(field: string, value: string | undefined): string {
  if (!value || !isCivilDate(value)) throw invalidInput(field, 'a date as YYYY-MM-DD', { reason: 'errors-fields:format', params: { field } });
  return value;
}

export function resolvePeriod(req: PeriodRequest, today: string, timeZone: string): StatsPeriod {
  if (req.kind === 'range') {
    const from = check('from', req.from);
    const to = check('to', req.to);
    if (to < from) throw invalidInput('to', 'the range ends before it starts', { reason: 'errors-input:rangeBackwards' });
    if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS) throw invalidInput('to', `a range covers at most ${MAX_RANGE_DAYS} days`, { reason: 'errors-input:rangeTooLong', params: { days: MAX_RANGE_DAYS } });
    return make('range', from, to, timeZone);
  }
  const date = req.date === undefined ? today : check('date', req.date);
  if (req.kind === 'day') return make('day', date, date, timeZone);
  if (req.kind === 'week') {
    const monday = addDays(date, -isoWeekdayIndex(date));
    return make('week', monday, addDays(monday, 6), timeZone);
  }
  return make('month', monthStart(date), monthEnd(date), timeZone);
}

export function previousPeriod(p: StatsPeriod): StatsPeriod {
  if (p.kind === 'month') {
    const before = addDays(p.from, -1);
    return make('month', monthStart(before), before, p.timeZone);
  }
  const days = daysBetween(p.from, p.to) + 1;
  return make(p.kind, addDays(p.from, -days), addDays(p.from, -1), p.timeZone);
}

/** Every local date of the period, in order. */
export function datesOf(p: Pick<StatsPeriod, 'from' | 'to'>): string[] {
  const out: string[] = [];
  for (let d = p.from; d <= p.to; d = addDays(d, 1)) out.push(d);
  return out;
}
