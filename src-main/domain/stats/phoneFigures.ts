/** Calls by result and how fast missed callers were called back. Pure. */
import type { StatsReport } from '../../contract/stats';
import type { StatsCallbackRow } from '../../db/repositories/statsActivity';
import type { DayFigures } from './dayFigures';
import { distribution } from './percentiles';

/** `calls`: the period's incoming calls by result (summed from its days, dayFigures.ts). */
export function phoneFigures(calls: DayFigures['calls'], tasks: readonly StatsCallbackRow[]): StatsReport['phone'] {
  const callbackTimes: number[] = [];
  let gotThrough = 0;
  let neverCalledBack = 0;
  for (const t of tasks) {
    if (t.closeReason === 'called_back' && t.closedAt !== null) callbackTimes.push(Math.max(0, t.closedAt - t.firstMissedAt));
    else if (t.closeReason === 'caller_got_through') gotThrough++;
    else neverCalledBack++;
  }
  return {
    ...calls,
    missedCallers: tasks.length,
    calledBack: callbackTimes.length,
    gotThrough,
    neverCalledBack,
    callbackTime: distribution(callbackTimes),
  };
}
