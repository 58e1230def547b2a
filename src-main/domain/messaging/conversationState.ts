import type { ConversationRow } from '../../db/repositories/conversations';

export type ConversationState = Pick<
  ConversationRow,
  'status' | 'snoozed_until' | 'unread_count' | 'waiting_since' | 'last_message_at' | 'last_channel' | 'last_preview' | 'last_direction'
>;

const preview = (body: string): string => body.replace(/\s+/g, ' ').trim().slice(0, 140);

/** A patient wrote: the conversation needs the clinic again, whatever state it was in. */
export function afterInbound(s: ConversationState, at: number, channel: string, body: string): ConversationState {
  return {
    status: 'open',
    snoozed_until: null,
    unread_count: s.unread_count + 1,
    waiting_since: s.waiting_since ?? at,
    last_message_at: Math.max(at, s.last_message_at ?? 0),
    last_channel: channel,
    last_preview: preview(body),
    last_direction: 'in',
  };
}

/** The clinic answered: nobody waits on the clinic any more; the ball is in the patient's court. */
export function afterStaffReply(s: ConversationState, at: number, channel: string, body: string): ConversationState {
  return {
    ...s,
    status: s.status === 'open' ? 'waiting' : s.status,
    unread_count: 0,
    waiting_since: null,
    last_message_at: Math.max(at, s.last_message_at ?? 0),
    last_channel: channel,
    last_preview: preview(body),
    last_direction: 'out',
  };
}

/** Automatic messages and system events show in the list but do not count as an answer. */
export function afterAutomatic(s: ConversationState, at: number, channel: string, body: string): ConversationState {
  return { ...s, last_message_at: Math.max(at, s.last_message_at ?? 0), last_channel: channel, last_preview: preview(body), last_direction: 'out' };
}

const RANK = { queued: 0, sent: 1, delivered: 2, read: 3 } as const;

/** Receipts can arrive out of order (read before delivered): a status only moves forward. Failure wins until a later success. */
export function nextMessageStatus(current: string, incoming: 'sent' | 'delivered' | 'read' | 'failed'): string | null {
  if (incoming === 'failed') return current === 'read' || current === 'delivered' ? null : 'failed';
  if (current === 'failed' || current === 'received') return current === 'failed' ? incoming : null;
  const cur = RANK[current as keyof typeof RANK] ?? 0;
  return RANK[incoming] > cur ? incoming : null;
}
