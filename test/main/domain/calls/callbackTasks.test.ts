import { describe, expect, it } from 'vitest';
import { callbackDecision, type CallFacts, type OpenCallbackTask } from '../../../../src-main/domain/calls/callbackTasks';

const T = Date.UTC(2025, 2, 11, 8, 0);
const MIN = 60_000;
const phone = '+48601234567';
const task: OpenCallbackTask = { id: 7, firstMissedAt: T, lastMissedAt: T + 10 * MIN, missedCount: 2 };
const call = (over: Partial<CallFacts>): CallFacts => ({ direction: 'in', result: 'missed', startedAt: T + 20 * MIN, phone, ...over });

describe('callbackDecision', () => {
  it.each<[string, CallFacts, OpenCallbackTask | null, ReturnType<typeof callbackDecision>]>([
    ['first missed call opens a task', call({}), null, { kind: 'open', firstMissedAt: T + 20 * MIN }],
    ['abandoned opens a task too', call({ result: 'abandoned' }), null, { kind: 'open', firstMissedAt: T + 20 * MIN }],
    ['voicemail opens a task', call({ result: 'voicemail' }), null, { kind: 'open', firstMissedAt: T + 20 * MIN }],
    ['busy opens a task', call({ result: 'busy' }), null, { kind: 'open', firstMissedAt: T + 20 * MIN }],
    ['another miss bumps the open task', call({}), task, { kind: 'bump', taskId: 7, missedCount: 3, firstMissedAt: T, lastMissedAt: T + 20 * MIN }],
    ['an older miss from an import widens the range', call({ startedAt: T - 5 * MIN }), task, { kind: 'bump', taskId: 7, missedCount: 3, firstMissedAt: T - 5 * MIN, lastMissedAt: T + 10 * MIN }],
    ['withheld number: nobody to call back', call({ phone: null }), null, { kind: 'none', reason: 'withheld_number' }],
    ['answered call back closes', call({ direction: 'out', result: 'answered' }), task, { kind: 'close', taskId: 7, at: T + 20 * MIN, reason: 'called_back' }],
    ['unanswered call back is an attempt', call({ direction: 'out', result: 'missed' }), task, { kind: 'attempt', taskId: 7, at: T + 20 * MIN }],
    ['the caller getting through closes', call({ result: 'answered' }), task, { kind: 'close', taskId: 7, at: T + 20 * MIN, reason: 'caller_got_through' }],
    ['a call back before the latest miss does not close', call({ direction: 'out', result: 'answered', startedAt: T + 5 * MIN }), task, { kind: 'none', reason: 'not_after_task' }],
    ['an answered call with no task does nothing', call({ result: 'answered' }), null, { kind: 'none', reason: 'no_open_task' }],
  ])('%s', (_name, facts, open, expected) => {
    expect(callbackDecision(facts, open, T + 30 * MIN)).toEqual(expected);
  });

  it('a missed call from last month imported today opens no task', () => {
    expect(callbackDecision(call({ startedAt: T - 30 * 24 * 60 * MIN }), null, T)).toEqual({ kind: 'none', reason: 'too_old' });
    expect(callbackDecision(call({ startedAt: T + 5 * 60 * MIN }), null, T)).toEqual({ kind: 'none', reason: 'in_future' });
    expect(callbackDecision(call({ startedAt: T + 2 * MIN }), null, T)).toEqual({ kind: 'open', firstMissedAt: T + 2 * MIN });
  });

  it('three misses from one number give one task counting three', () => {
    let open = null as OpenCallbackTask | null;
    let created = 0;
    for (const minute of [0, 4, 9]) {
      const d = callbackDecision(call({ startedAt: T + minute * MIN }), open, T + minute * MIN);
      if (d.kind === 'open') {
        created++;
        open = { id: 1, firstMissedAt: d.firstMissedAt, lastMissedAt: d.firstMissedAt, missedCount: 1 };
      } else if (d.kind === 'bump' && open) {
        open = { ...open, missedCount: d.missedCount, lastMissedAt: d.lastMissedAt, firstMissedAt: d.firstMissedAt };
      }
    }
    expect(created).toBe(1);
    expect(open).toEqual({ id: 1, firstMissedAt: T, lastMissedAt: T + 9 * MIN, missedCount: 3 });
  });
});
