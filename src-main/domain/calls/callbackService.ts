import type { CallbackTaskDto } from '../../contract/calls';
import {
  bumpTask,
  closeTask,
  countOpenTasks,
  getTaskListRow,
  insertTask,
  linkTaskCalls,
  linkTaskPatient,
  listOpenTasks,
  openTasksWithoutPatient,
  openTaskFor,
  recordAttempt,
  reopenTask,
} from '../../db/repositories/callbackTasks';
import { ensureConversation } from '../../db/repositories/conversations';
import { findPatientByIdentity } from '../../db/repositories/patients';
import type { MessagingDeps } from '../messaging/messagingService';
import { DeskError, notFound } from '../shared/errors';
import { toTaskDto } from './callDtos';
import { callbackDecision } from './callbackTasks';
import type { NormalizedCall } from './callTypes';

/**
 * The callback list over the database: a stored call goes through `callbackDecision` (pure) and the answer
 * is written. The partial UNIQUE index on open tasks per phone backs the "one open task per caller" rule.
 */
export interface StoredCallFacts {
  callId: number;
  call: Pick<NormalizedCall, 'direction' | 'result' | 'startedAt'>;
  /** The outside party as the task key (E.164 where readable); null for a withheld number. */
  phone: string | null;
  patientId: number | null;
  conversationId: number | null;
}

export type CallbackChange = 'opened' | 'bumped' | 'attempted' | 'closed' | 'none';

export function applyCallbackRules(deps: MessagingDeps, f: StoredCallFacts): { change: CallbackChange; taskId: number | null } {
  const { db, clock } = deps;
  const open = f.phone ? openTaskFor(db, f.phone) : undefined;
  const decision = callbackDecision(
    { ...f.call, phone: f.phone },
    open ? { id: open.id, firstMissedAt: open.first_missed_at, lastMissedAt: open.last_missed_at, missedCount: open.missed_count } : null,
    clock.now(),
  );
  switch (decision.kind) {
    case 'open':
      return {
        change: 'opened',
        taskId: insertTask(db, { phone: f.phone!, patientId: f.patientId, conversationId: f.conversationId, missedAt: decision.firstMissedAt, callId: f.callId }, clock.now()),
      };
    case 'bump':
      bumpTask(db, decision.taskId, { ...decision, callId: f.callId });
      return { change: 'bumped', taskId: decision.taskId };
    case 'attempt':
      recordAttempt(db, decision.taskId, decision.at);
      return { change: 'attempted', taskId: decision.taskId };
    case 'close':
      closeTask(db, decision.taskId, decision.at, decision.reason, null);
      return { change: 'closed', taskId: decision.taskId };
    default:
      return { change: 'none', taskId: null };
  }
}

/**
 * A caller unknown when they called may have become a patient since (they wrote, or the desk added them):
 * their open task and its calls move onto that patient's card and timeline.
 */
export function linkKnownCallers(deps: MessagingDeps): number {
  const { db, clock } = deps;
  let linked = 0;
  db.transaction(() => {
    for (const task of openTasksWithoutPatient(db)) {
      const patientId = task.phone.startsWith('+') ? findPatientByIdentity(db, 'phone', task.phone) : undefined;
      if (patientId === undefined) continue;
      const conversationId = ensureConversation(db, patientId, clock.now()).id;
      linkTaskPatient(db, task.id, patientId, conversationId);
      linkTaskCalls(db, task, patientId, conversationId);
      linked++;
    }
  })();
  return linked;
}

export function openCallbackTasks(deps: MessagingDeps): CallbackTaskDto[] {
  linkKnownCallers(deps);
  return listOpenTasks(deps.db).map(toTaskDto);
}

export function taskDto(deps: MessagingDeps, id: number): CallbackTaskDto {
  const row = getTaskListRow(deps.db, id);
  if (!row) throw notFound('Callback task', id);
  return toTaskDto(row);
}

/** The receptionist ticks a task off: "called back" records the callback time; "dismissed" (spam, wrong number) does not count as one. */
export function closeCallbackTask(deps: MessagingDeps, taskId: number, reason: 'called_back' | 'dismissed', user: string): CallbackTaskDto {
  const row = getTaskListRow(deps.db, taskId);
  if (!row) throw notFound('Callback task', taskId);
  if (row.closed_at !== null) throw new DeskError('conflict', `taskId: the callback task for ${row.phone} is already closed`, { field: 'taskId', reason: 'calls.callbackClosed', params: { number: row.phone } });
  closeTask(deps.db, taskId, deps.clock.now(), reason, user);
  publishCallbacks(deps);
  return taskDto(deps, taskId);
}

/** Undo of "called back" / "dismissed" within the toast's few seconds. */
export function reopenCallbackTask(deps: MessagingDeps, taskId: number): CallbackTaskDto {
  if (!getTaskListRow(deps.db, taskId)) throw notFound('Callback task', taskId);
  if (reopenTask(deps.db, taskId)) publishCallbacks(deps);
  return taskDto(deps, taskId);
}

export function publishCallbacks(deps: MessagingDeps): void {
  deps.events.emit('calls.callbacksChanged', { openCount: countOpenTasks(deps.db) });
}
