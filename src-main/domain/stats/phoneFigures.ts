/** Calls by result and how fast missed callers were called back. Pure. */
import type { StatsReport } from '../../contract/stats';
import type { StatsCallbackRow, StatsCallRow } from '../../db/repositories/statsActivity';
import { distribution } from './percentiles';

export function phoneFigures(calls: readonly StatsCallRow[], tasks: readonly StatsCallbackRow[]): StatsReport['phone'] {
  const byResult = { answered: 0, missed: 0, abandoned: 0, voicemail: 0, busy: 0 };
  let total = 0;
  for (const [direction, result] of calls) {
    if (direction !== 'in') continue;
    total++;
    byResult[result]++;
  }
  const callbackTimes: number[] = [];
  let gotThrough = 0;
  let neverCalledBack = 0;
  for (const t of tasks) {
    if (t.closeReason === 'called_back' && t.closedAt !== null) callbackTimes.push(Math.max(0, t.closedAt - t.firstMissedAt));
    else if (t.closeReason === 'caller_got_through') gotThrough++;
    else neverCalledBack++;
  }
  return {
    total,
    ...byResult,
    missedCallers: tasks.length,
    calledBack: callbackTimes.length,
    gotThrough,
    neverCalledBack,
    callbackTime: distribution(callbackTimes),
  };
}
