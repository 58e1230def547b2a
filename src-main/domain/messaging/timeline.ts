import type { ConversationSummary, TimelineCall, TimelineItem, TimelineMessage } from '../../contract/inbox';
import type { Db } from '../../db/database';
import { callsForConversation, type CallRow } from '../../db/repositories/calls';
import { getConversationListRow, type ConversationListRow } from '../../db/repositories/conversations';
import { timelineMessages, type MessageRow } from '../../db/repositories/messages';
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
  };
}

/** Messages and calls of one patient in true time order. */
export function buildTimeline(db: Db, conversationId: number): TimelineItem[] {
  const items: TimelineItem[] = [
    ...timelineMessages(db, conversationId).map(toTimelineMessage),
    ...callsForConversation(db, conversationId).map(toTimelineCall),
  ];
  return items.sort((a, b) => a.at - b.at || (a.type === b.type ? a.id - b.id : a.type === 'call' ? -1 : 1));
}

export function publishConversation(deps: { db: Db; events: EventBus }, conversationId: number): void {
  const row = getConversationListRow(deps.db, conversationId);
  if (row) deps.events.emit('conversation.updated', { conversation: toSummary(row) });
}
