import type { ConversationSummary, TimelineCall, TimelineItem, TimelineMessage } from '../../contract/inbox';
import type { Db } from '../../db/database';
import { callsBefore, type CallRow } from '../../db/repositories/calls';
import { getConversationListRow, type ConversationListRow } from '../../db/repositories/conversations';
import { messagesBefore, type MessageRow, type TimelineCursor } from '../../db/repositories/messages';
import { formatPhone } from '../patients/phone';
import type { EventBus } from '../shared/eventBus';

export function toTimelineMessage(m: MessageRow): TimelineMessage {
  return {
    type: 'message',
    id: m.id,
    channel: m.channel,
    direction: m.direction,
    kind: m.kind,
    body: m.body,
    status: m.status,
    failureReason: m.failure_reason,
    author: m.author,
    at: m.created_at,
    meta: m.meta ? (JSON.parse(m.meta) as Record<string, unknown>) : null,
  };
}

export function toTimelineCall(c: CallRow): TimelineCall {
  return {
    type: 'call',
    id: c.id,
    direction: c.direction,
    result: c.result,
    at: c.started_at,
    ringSeconds: c.ring_seconds,
    talkSeconds: c.talk_seconds,
    source: c.source,
    note: c.note,
  };
}

export function toSummary(r: ConversationListRow): ConversationSummary {
  const name = `${r.first_name} ${r.last_name}`.trim();
  return {
    id: r.id,
    patientId: r.patient_id,
    patientName: name || (r.phone ? formatPhone(r.phone) : `#${r.patient_id}`),
    phone: r.phone,
    language: r.language,
    status: r.status,
    unreadCount: r.unread_count,
    waitingSince: r.waiting_since,
    lastMessageAt: r.last_message_at,
    lastChannel: r.last_channel,
    lastDirection: r.last_direction,
    lastPreview: r.last_preview,
    assignedTo: r.assigned_to,
    snoozedUntil: r.snoozed_until,
    flag: r.flag === 'low_score' || r.flag === 'ambiguous_answer' ? r.flag : null,
  };
}

/** Timeline order: time, then calls before messages at the same millisecond, then id. */
export function timelineOrder(a: TimelineItem, b: TimelineItem): number {
  return a.at - b.at || (a.type === b.type ? a.id - b.id : a.type === 'call' ? -1 : 1);
}

export const TIMELINE_PAGE = 50;

export const encodeTimelineCursor = (c: TimelineCursor): string => `${c.at}:${c.call}:${c.id}`;

export function decodeTimelineCursor(s: string | null | undefined): TimelineCursor | null {
  const m = s ? /^(\d+):([01]):(\d+)$/.exec(s) : null;
  return m ? { at: Number(m[1]), call: m[2] === '1' ? 1 : 0, id: Number(m[3]) } : null;
}

/**
 * One page of a patient's timeline, messages and calls in true time order: the newest `limit` items
 * before `before` (the newest of all when null), and the cursor of the page before it (null at the
 * start). Each source reads at most `limit` rows from its index, whatever the conversation's length.
 */
export function buildTimelinePage(db: Db, conversationId: number, limit = TIMELINE_PAGE, before: TimelineCursor | null = null): { items: TimelineItem[]; olderCursor: string | null } {
  const candidates: TimelineItem[] = [
    ...messagesBefore(db, conversationId, limit + 1, before).map(toTimelineMessage),
    ...callsBefore(db, conversationId, limit + 1, before).map(toTimelineCall),
  ].sort((a, b) => timelineOrder(b, a));
  const items = candidates.slice(0, limit).reverse();
  const oldest = items[0];
  return { items, olderCursor: candidates.length > limit && oldest ? encodeTimelineCursor({ at: oldest.at, call: oldest.type === 'call' ? 1 : 0, id: oldest.id }) : null };
}

export function publishConversation(deps: { db: Db; events: EventBus }, conversationId: number): void {
  const row = getConversationListRow(deps.db, conversationId);
  if (row) deps.events.emit('conversation.updated', { conversation: toSummary(row) });
}
