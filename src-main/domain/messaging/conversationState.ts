import type { ConversationSummary } from '../../contract/inbox';
import type { ConversationRow } from '../../db/repositories/conversations';
import { invalidInput } from '../shared/errors';

/**
 * THE conversation status rules (the inbox's buttons and every message written by messagingService),
 * as one pure function of (state, event) -> next state.
 * - 'open': the desk has something to do; 'waiting': the desk answered and waits on the patient;
 *   'snoozed': hidden until `snoozedUntil` (or until the patient writes); 'done': closed.
 * - `waitingSince` is the time of the OLDEST inbound message no staff member has answered yet;
 *   only a human reply clears it (an auto-reply does not: the patient still waits for a person).
 * - Any inbound message reopens a waiting, snoozed or done conversation.
 */
/** The statuses are declared once, in the contract (`conversationStatus` in contract/common.ts). */
export type ConversationStatus = ConversationSummary['status'];

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
        throw invalidInput('until', 'a snooze must end in the future', { reason: 'errors-detail:snoozePast' });
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

/** The conversation row's state and list columns, as saved by `saveConversationState`. */
export type ConversationRowState = Pick<
  ConversationRow,
  'status' | 'snoozed_until' | 'unread_count' | 'waiting_since' | 'last_message_at' | 'last_channel' | 'last_preview' | 'last_direction'
>;

export const conversationStateOf = (c: Pick<ConversationRow, 'status' | 'unread_count' | 'waiting_since' | 'snoozed_until' | 'assigned_to' | 'last_message_at'>): ConversationState => ({
  status: c.status,
  unreadCount: c.unread_count,
  waitingSince: c.waiting_since,
  snoozedUntil: c.snoozed_until,
  assignedTo: c.assigned_to,
  lastMessageAt: c.last_message_at,
});

const preview = (body: string): string => body.replace(/\s+/g, ' ').trim().slice(0, 140);

/**
 * A message was written to the conversation: the status rules above, plus the list's "last message" columns.
 * `inbound` — a patient wrote; `outbound` — the clinic answered (`automated`: an auto-reply or notice, which answers nobody).
 */
export function withMessage(
  row: ConversationRow,
  event: Extract<ConversationEvent, { type: 'inbound' | 'outbound' }>,
  channel: string,
  body: string,
): ConversationRowState {
  const next = nextConversationState(conversationStateOf(row), event);
  return {
    status: next.status,
    snoozed_until: next.snoozedUntil,
    unread_count: next.unreadCount,
    waiting_since: next.waitingSince,
    last_message_at: next.lastMessageAt,
    last_channel: channel,
    last_preview: preview(body),
    last_direction: event.type === 'inbound' ? 'in' : 'out',
  };
}

const RANK = { queued: 0, sent: 1, delivered: 2, read: 3 } as const;

/** Receipts can arrive out of order (read before delivered): a status only moves forward. Failure wins until a later success. */
export function nextMessageStatus(current: string, incoming: 'sent' | 'delivered' | 'read' | 'failed'): string | null {
  if (incoming === 'failed') return current === 'read' || current === 'delivered' ? null : 'failed';
  if (current === 'failed' || current === 'received') return current === 'failed' ? incoming : null;
  const cur = RANK[current as keyof typeof RANK] ?? 0;
  return RANK[incoming] > cur ? incoming : null;
}
