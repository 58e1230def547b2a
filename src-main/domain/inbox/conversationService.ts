import type { Db } from '../../db/database';
import { getConversation } from '../../db/repositories/conversations';
import { nextSnoozeEnd, setConversationFields, wakeDueSnoozes } from '../../db/repositories/inbox';
import { publishConversation } from '../messaging/timeline';
import type { Clock } from '../shared/clock';
import { notFound } from '../shared/errors';
import type { EventBus } from '../shared/eventBus';
import { conversationStateOf, nextConversationState, type ConversationEvent, type ConversationState } from '../messaging/conversationState';

/** Status changes made at the desk: done, reopen, waiting on patient, snooze, assign, read. */
export interface InboxDeps {
  db: Db;
  clock: Clock;
  events: EventBus;
}

export function applyConversationEvent(deps: InboxDeps, conversationId: number, event: ConversationEvent): ConversationState {
  const conv = getConversation(deps.db, conversationId);
  if (!conv) throw notFound('Conversation', conversationId);
  const before = conversationStateOf(conv);
  const next = nextConversationState(before, event);
  if (JSON.stringify(next) !== JSON.stringify(before)) {
    setConversationFields(deps.db, conversationId, {
      status: next.status,
      snoozed_until: next.snoozedUntil,
      unread_count: next.unreadCount,
      waiting_since: next.waitingSince,
      assigned_to: next.assignedTo,
    });
    publishConversation(deps, conversationId);
  }
  return next;
}

/**
 * Wakes snoozed conversations on time. One timer, armed for the earliest snooze end (at most a
 * minute ahead, so a changed system clock is caught up quickly), re-armed after every snooze.
 */
export class SnoozeTimer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(private readonly deps: InboxDeps) {}

  /** Wakes what is due now and schedules the next wake-up. Returns the ids woken. */
  tick(): number[] {
    const woken = wakeDueSnoozes(this.deps.db, this.deps.clock.now());
    for (const id of woken) publishConversation(this.deps, id);
    this.arm();
    return woken;
  }

  arm(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const next = nextSnoozeEnd(this.deps.db);
    const wait = next === null ? 60_000 : Math.min(60_000, Math.max(0, next - this.deps.clock.now()));
    this.timer = setTimeout(() => this.tick(), wait);
    this.timer.unref?.();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
