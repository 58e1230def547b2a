import type { CallDirection, CallResult } from './callTypes';

/**
 * One open callback task per caller: the first unanswered call opens it, later ones from the same number
 * only raise its count, and it closes when the clinic calls back (or the caller gets through). Pure: the
 * service reads the open task for the number, asks here what to do, and writes the answer.
 */
export interface OpenCallbackTask {
  id: number;
  firstMissedAt: number;
  lastMissedAt: number;
  missedCount: number;
}

export interface CallFacts {
  direction: CallDirection;
  result: CallResult;
  startedAt: number;
  /** The outside party in E.164, null for a withheld number (nobody to call back). */
  phone: string | null;
}

export type CallbackDecision =
  | { kind: 'none'; reason: 'withheld_number' | 'too_old' | 'in_future' | 'no_open_task' | 'not_after_task' }
  | { kind: 'open'; firstMissedAt: number }
  | { kind: 'bump'; taskId: number; missedCount: number; firstMissedAt: number; lastMissedAt: number }
  /** The clinic called back but nobody answered: the task stays open, the attempt is shown. */
  | { kind: 'attempt'; taskId: number; at: number }
  | { kind: 'close'; taskId: number; at: number; reason: 'called_back' | 'caller_got_through' };

/** Calls older than this when recorded (e.g. last month's PBX export) are history, not work to do. */
export const DEFAULT_CALLBACK_WINDOW_MS = 24 * 3_600_000;
const FUTURE_TOLERANCE_MS = 15 * 60_000;

export function callbackDecision(
  call: CallFacts,
  openTask: OpenCallbackTask | null,
  now: number,
  windowMs: number = DEFAULT_CALLBACK_WINDOW_MS,
): CallbackDecision {
  if (!call.phone) return { kind: 'none', reason: 'withheld_number' };
  const unansweredIncoming = call.direction === 'in' && call.result !== 'answered';
  if (unansweredIncoming) {
    if (openTask) {
      return {
        kind: 'bump',
        taskId: openTask.id,
        missedCount: openTask.missedCount + 1,
        firstMissedAt: Math.min(openTask.firstMissedAt, call.startedAt),
        lastMissedAt: Math.max(openTask.lastMissedAt, call.startedAt),
      };
    }
    if (now - call.startedAt > windowMs) return { kind: 'none', reason: 'too_old' };
    // A PBX clock a few minutes fast is normal; a call dated hours ahead is bad data, not work to do.
    if (call.startedAt - now > FUTURE_TOLERANCE_MS) return { kind: 'none', reason: 'in_future' };
    return { kind: 'open', firstMissedAt: call.startedAt };
  }
  if (!openTask) return { kind: 'none', reason: 'no_open_task' };
  // Only a call after the latest miss answers it (records may arrive out of order from imports).
  if (call.startedAt < openTask.lastMissedAt) return { kind: 'none', reason: 'not_after_task' };
  if (call.direction === 'out') {
    return call.result === 'answered'
      ? { kind: 'close', taskId: openTask.id, at: call.startedAt, reason: 'called_back' }
      : { kind: 'attempt', taskId: openTask.id, at: call.startedAt };
  }
  return { kind: 'close', taskId: openTask.id, at: call.startedAt, reason: 'caller_got_through' };
}
