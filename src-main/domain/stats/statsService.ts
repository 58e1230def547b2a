/**
 * The manager's report for a period: reads through db/repositories/stats*.ts, arithmetic in the pure files of
 * this folder. The same function serves the API, the CLI and the benchmark, so their figures cannot differ.
 */
import type { StatsPeriod, StatsReport, StatsResult } from '../../contract/stats';
import type { Db } from '../../db/database';
import { callbackTasksInRange, noticesOnDays, smsUsageInRange, visitsInRange } from '../../db/repositories/statsActivity';
import { newConversations } from '../../db/repositories/statsMessages';
import type { BusinessHours } from '../hours/businessHours';
import { getBusinessHours } from '../hours/hoursService';
import { firstChannel, STATS_CHANNELS } from './contactFigures';
import { sumDays } from './dayFigures';
import { periodDays } from './dayStore';
import { openCalendar } from './openCalendar';
import { OPTIONAL_FIGURES, optionalFigures, type OptionalFigureProvider } from './optionalFigures';
import { median } from './percentiles';
import { datesOf, previousPeriod, resolvePeriod, type PeriodRequest } from './periods';
import { phoneFigures } from './phoneFigures';
import { visitFigures } from './visitFigures';
import { waitDistributions } from './waits';

export interface StatsDeps {
  db: Db;
  /** Defaults to the clinic's stored hours (whose time zone is the clinic's). */
  hours?: BusinessHours;
  optional?: readonly OptionalFigureProvider[];
  /** The clock's now: days that ended before it are read from (and kept in) stats_days. Absent: every day is computed. */
  now?: number;
}

export function buildReport(deps: StatsDeps, period: StatsPeriod): StatsReport {
  const { db } = deps;
  const hours = deps.hours ?? getBusinessHours(db);
  const cal = openCalendar({ ...hours, timeZone: period.timeZone });
  const dates = datesOf(period);
  const { startMs, endMs } = period;

  // Day by day: closed days from stats_days (migration 170), the others from their rows. First-response waits come
  // from conversation_waits (migration 091, kept as messages are written), each in the day it started.
  const days = sumDays(periodDays({ db, cal, hours, timeZone: period.timeZone, now: deps.now }, dates));
  const created = new Map(STATS_CHANNELS.map((c) => [c, 0]));
  for (const c of newConversations(db, startMs, endMs)) {
    const ch = firstChannel(c);
    if (ch) created.set(ch, created.get(ch)! + 1);
  }

  return {
    period,
    contacts: STATS_CHANNELS.map((channel, i) => ({ channel, newConversations: created.get(channel)!, ...days.contacts[i]! })),
    responsiveness: { ...waitDistributions(days.waits.started, days.waits.answered), unansweredAtClosing: days.unansweredAtClosing, repliesByAuthor: days.repliesByAuthor },
    phone: phoneFigures(days.calls, callbackTasksInRange(db, startMs, endMs)),
    visits: visitFigures(visitsInRange(db, startMs, endMs), noticesOnDays(db, period.from, period.to)),
    optional: optionalFigures(db, deps.optional ?? OPTIONAL_FIGURES, { startMs, endMs, from: period.from, to: period.to }),
    sms: smsUsageInRange(db, startMs, endMs),
    heatmap: days.heatmap,
    daily: dates.map((date) => ({ date, ...days.daily.get(date)!, frtMedianMs: median(days.waitTotals.get(date) ?? []) })),
  };
}

/** The report for a requested period, and the period before it when `compare`. `today` is the clinic's local date. */
export function statsFor(deps: StatsDeps & { timeZone: string; today: string }, req: PeriodRequest & { compare?: boolean }): StatsResult {
  const period = resolvePeriod(req, deps.today, deps.timeZone);
  return { current: buildReport(deps, period), previous: req.compare === false ? null : buildReport(deps, previousPeriod(period)) };
}
