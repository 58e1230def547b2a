/**
 * What each figure on the screen is: where its value comes from, how it is shown, and where a click leads
 * (the conversations or calls behind it). Labels and definitions are `stats:fig.<key>` and `stats:def.<key>`.
 */
import type { StatsPeriod, StatsReport } from '../../../src-main/contract/stats';
import { useRouter } from '../../app/router';
import { useInbox, type PeriodFilter } from '../../stores/inboxStore';
import { useCalls, type ResultFilter } from '../calls/callsStore';
import { schedulePath } from '../schedule/schedulePath';

export type FigureKind = 'count' | 'duration' | 'share' | 'minutes';

export interface FigureDef {
  key: string;
  kind: FigureKind;
  value(r: StatsReport): number | null;
  /** Opens the list behind the figure, limited to the report's period (the target screen shows it, removable). */
  open?: (period: StatsPeriod) => void;
}

/** The report's period as the inbox and the call log filter it: [startMs, endMs) and its dates to show. */
export const periodFilter = (p: StatsPeriod): PeriodFilter => ({ from: p.startMs, to: p.endMs, fromDate: p.from, toDate: p.to });

const toInbox = (filter: Parameters<ReturnType<typeof useInbox.getState>['setFilter']>[0]) => (period: StatsPeriod) => {
  void useInbox.getState().setFilter({ view: 'all', status: 'all', channel: null, ...filter, period: periodFilter(period) });
  useRouter.getState().navigate('/inbox');
};
const toCalls = (filter: ResultFilter) => (period: StatsPeriod) => {
  useCalls.setState({ filter, period: periodFilter(period) });
  useRouter.getState().navigate('/calls');
};
export const openChannel = (channel: 'whatsapp' | 'sms' | 'phone'): ((period: StatsPeriod) => void) => (channel === 'phone' ? toCalls('all') : toInbox({ channel }));

const x = (r: StatsReport) => r.responsiveness;
const p = (r: StatsReport) => r.phone;

export const RESPONSIVENESS: FigureDef[] = [
  { key: 'waits', kind: 'count', value: (r) => x(r).waits, open: toInbox({}) },
  { key: 'answered', kind: 'count', value: (r) => x(r).answered },
  { key: 'noResponse', kind: 'count', value: (r) => x(r).noResponse, open: toInbox({ view: 'unanswered' }) },
  { key: 'unansweredAtClosing', kind: 'count', value: (r) => x(r).unansweredAtClosing, open: toInbox({ view: 'unanswered' }) },
  { key: 'frtMedian', kind: 'duration', value: (r) => x(r).frt.medianMs },
  { key: 'frtP90', kind: 'duration', value: (r) => x(r).frt.p90Ms },
  { key: 'frtOpenMedian', kind: 'duration', value: (r) => x(r).frtOpenTime.medianMs },
  { key: 'frtOpenP90', kind: 'duration', value: (r) => x(r).frtOpenTime.p90Ms },
  { key: 'frtClosedMedian', kind: 'duration', value: (r) => x(r).frtClosedTime.medianMs },
  { key: 'frtClosedP90', kind: 'duration', value: (r) => x(r).frtClosedTime.p90Ms },
  { key: 'frtArrivedOpen', kind: 'duration', value: (r) => x(r).frtArrivedOpen.medianMs },
  { key: 'frtArrivedClosed', kind: 'duration', value: (r) => x(r).frtArrivedClosed.medianMs },
];

export const PHONE: FigureDef[] = [
  { key: 'callsTotal', kind: 'count', value: (r) => p(r).total, open: toCalls('all') },
  { key: 'callsAnswered', kind: 'count', value: (r) => p(r).answered, open: toCalls('answered') },
  { key: 'callsMissed', kind: 'count', value: (r) => p(r).missed, open: toCalls('unanswered') },
  { key: 'callsAbandoned', kind: 'count', value: (r) => p(r).abandoned, open: toCalls('unanswered') },
  { key: 'callsVoicemail', kind: 'count', value: (r) => p(r).voicemail, open: toCalls('unanswered') },
  { key: 'callsBusy', kind: 'count', value: (r) => p(r).busy, open: toCalls('unanswered') },
  { key: 'missedCallers', kind: 'count', value: (r) => p(r).missedCallers, open: toCalls('unanswered') },
  { key: 'calledBack', kind: 'count', value: (r) => p(r).calledBack, open: toCalls('outgoing') },
  { key: 'gotThrough', kind: 'count', value: (r) => p(r).gotThrough },
  { key: 'neverCalledBack', kind: 'count', value: (r) => p(r).neverCalledBack, open: toCalls('unanswered') },
  { key: 'callbackMedian', kind: 'duration', value: (r) => p(r).callbackTime.medianMs },
  { key: 'callbackP90', kind: 'duration', value: (r) => p(r).callbackTime.p90Ms },
];

/** The Schedule on the report's first day: its day board for a one-day report, else that day's week. */
export const toSchedule = (period: StatsPeriod): void =>
  useRouter.getState().navigate(schedulePath({ day: period.from, view: period.from === period.to ? 'day' : 'week' }));

export const VISITS: FigureDef[] = [
  { key: 'appointments', kind: 'count', value: (r) => r.visits.appointments, open: toSchedule },
  { key: 'noShows', kind: 'count', value: (r) => r.visits.noShows, open: toSchedule },
  { key: 'noticesSent', kind: 'count', value: (r) => r.visits.noticesSent },
];
