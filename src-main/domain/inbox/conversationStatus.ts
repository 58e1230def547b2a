import { invalidInput } from '../shared/errors';

/**
 * Conversation status rules, as one pure function of (state, event) -> next state.
 * - 'open': the desk has something to do; 'waiting': the desk answered and waits on the patient;
 *   'snoozed': hidden until `snoozedUntil` (or until the patient writes); 'done': closed.
 * - `waitingSince` is the time of the OLDEST inbound message no staff member has answered yet;
 *   only a human reply clears it (an auto-reply does not: the patient still waits for a person).
 * - Any inbound message reopens a waiting, snoozed or done conversation.
 */
export const CONVERSATION_STATUSES = ['open', 'waiting', 'snoozed', 'done'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export interface ConversationState {
  status: ConversationStatus;
  unreadCount: number;
  waitingSince: number | null;
  snoozedUntil: number | null;
  assignedTo: string | null;
  lastMessageAt: number | null;
}

export type ConversationEvent =
  | { type: 'inbound'; at: number }
  /** `automated`: auto-replies and system notices, which neither answer the patient nor change the status. */
  | { type: 'outbound'; at: number; automated?: boolean }
  | { type: 'read' }
  | { type: 'markDone' }
  | { type: 'markWaiting' }
  | { type: 'snooze'; at: number; until: number }
  | { type: 'tick'; at: number }
  | { type: 'assign'; to: string | null }
  | { type: 'reopen' };

export const NEW_CONVERSATION: ConversationState = {
  status: 'open',
  unreadCount: 0,
  waitingSince: null,
  snoozedUntil: null,
  assignedTo: null,
  lastMessageAt: null,
};

const later = (a: number | null, b: number): number => (a === null ? b : Math.max(a, b));

export function nextConversationState(s: ConversationState, e: ConversationEvent): ConversationState {
  switch (e.type) {
    case 'inbound':
      return {
        ...s,
        status: 'open',
        snoozedUntil: null,
        unreadCount: s.unreadCount + 1,
        // Late-arriving history (a recovered WhatsApp backlog) can be older than what we already hold.
        waitingSince: s.waitingSince === null ? e.at : Math.min(s.waitingSince, e.at),
        lastMessageAt: later(s.lastMessageAt, e.at),
      };
    case 'outbound':
      if (e.automated) return { ...s, lastMessageAt: later(s.lastMessageAt, e.at) };
      return {
        ...s,
        // A reply while snoozed or done keeps the receptionist's explicit choice.
        status: s.status === 'open' ? 'waiting' : s.status,
        unreadCount: 0,
        waitingSince: null,
        lastMessageAt: later(s.lastMessageAt, e.at),
      };
    case 'read':
      return { ...s, unreadCount: 0 };
    case 'markDone':
      return { ...s, status: 'done', unreadCount: 0, waitingSince: null, snoozedUntil: null };
    case 'markWaiting':
      return { ...s, status: 'waiting', snoozedUntil: null };
    case 'snooze':
      if (!Number.isFinite(e.until) || e.until <= e.at) {
        throw invalidInput('until', 'a snooze must end in the future');
      }
      return { ...s, status: 'snoozed', snoozedUntil: e.until };
    case 'tick':
      if (s.status === 'snoozed' && s.snoozedUntil !== null && s.snoozedUntil <= e.at) {
        return { ...s, status: 'open', snoozedUntil: null };
      }
      return s;
    case 'assign':
      return { ...s, assignedTo: e.to };
    case 'reopen':
      return { ...s, status: 'open', snoozedUntil: null };
  }
}

/** Applies several events in order (replaying a conversation's history, or a test table). */
export function replayConversation(events: ConversationEvent[], from: ConversationState = NEW_CONVERSATION): ConversationState {
  return events.reduce(nextConversationState, from);
}
