/**
 * Send later: a composer message held in the outbox until a time in the clinic's zone. The message shows in
 * the timeline as queued with `meta.scheduledFor`; until the outbox hands it to a channel it can be edited
 * (text, time) or cancelled. The time lives in the outbox row, so a restart changes nothing.
 */
import type { TimelineMessage } from '../../contract/inbox';
import { getMessage } from '../../db/repositories/messages';
import { outboxForMessage } from '../../db/repositories/outbox';
import { DeskError, invalidInput, notFound } from '../shared/errors';
import { getClinicSettings } from '../settings/clinicSettings';
import type { Channel } from './channelPort';
import { queueOutgoing, type MessagingDeps } from './messagingService';
import { publishConversation, toTimelineMessage } from './timeline';

const YEAR = 366 * 86_400_000;

const CANCELLED: Record<string, string> = {
  it: 'Messaggio programmato annullato prima dell’invio',
  pl: 'Zaplanowaną wiadomość anulowano przed wysłaniem',
  en: 'Scheduled message cancelled before sending',
};

function checkTime(deps: MessagingDeps, sendAt: number): void {
  const now = deps.clock.now();
  if (sendAt <= now) throw invalidInput('sendAt', 'must be in the future', { reason: 'errors-detail:sendAtPast' });
  if (sendAt > now + YEAR) throw invalidInput('sendAt', 'must be within a year', { reason: 'errors-detail:sendAtTooFar' });
}

export function scheduleMessage(deps: MessagingDeps, req: { conversationId: number; channel?: Channel; body: string; sendAt: number }, author: string): TimelineMessage {
  checkTime(deps, req.sendAt);
  const { message } = queueOutgoing(deps, {
    conversationId: req.conversationId,
    body: req.body,
    author,
    notBefore: req.sendAt,
    meta: { scheduledFor: req.sendAt },
    ...(req.channel ? { channel: req.channel } : {}),
  });
  return toTimelineMessage(message);
}

function pendingScheduled(deps: MessagingDeps, messageId: number) {
  const msg = getMessage(deps.db, messageId);
  if (!msg) throw notFound('Message', messageId);
  const row = outboxForMessage(deps.db, messageId);
  const meta = msg.meta ? (JSON.parse(msg.meta) as Record<string, unknown>) : {};
  if (!row || row.status !== 'pending' || msg.status !== 'queued' || typeof meta.scheduledFor !== 'number') {
    throw new DeskError('conflict', `messageId: message ${messageId} is not a scheduled message waiting to go (it may have been sent already)`, { field: 'messageId', reason: 'errors-detail:notScheduled' });
  }
  return { msg, row, meta };
}

function publish(deps: MessagingDeps, messageId: number): TimelineMessage {
  const m = getMessage(deps.db, messageId)!;
  const dto = toTimelineMessage(m);
  deps.events.emit('message.updated', { conversationId: m.conversation_id, message: dto });
  publishConversation(deps, m.conversation_id);
  return dto;
}

export function editScheduled(deps: MessagingDeps, req: { messageId: number; body?: string; sendAt?: number }): TimelineMessage {
  if (req.sendAt !== undefined) checkTime(deps, req.sendAt);
  deps.db.transaction(() => {
    const { msg, row, meta } = pendingScheduled(deps, req.messageId);
    const body = req.body ?? msg.body;
    const sendAt = req.sendAt ?? (meta.scheduledFor as number);
    if (body.trim() === '') throw invalidInput('body', 'the message is empty', { reason: 'errors-detail:emptyMessage' });
    deps.db.prepare('UPDATE messages SET body = ?, meta = ? WHERE id = ?').run(body, JSON.stringify({ ...meta, scheduledFor: sendAt }), msg.id);
    deps.db.prepare(`UPDATE outbox SET body = ?, next_attempt_at = ? WHERE id = ? AND status = 'pending'`).run(body, sendAt, row.id);
  })();
  deps.kickOutbox();
  return publish(deps, req.messageId);
}

export function cancelScheduled(deps: MessagingDeps, messageId: number): TimelineMessage {
  const now = deps.clock.now();
  deps.db.transaction(() => {
    const { msg, row, meta } = pendingScheduled(deps, messageId);
    const reason = CANCELLED[getClinicSettings(deps.db).uiLanguage] ?? CANCELLED.en!;
    deps.db.prepare(`UPDATE outbox SET status = 'cancelled', last_error = ?, last_error_code = 'withdrawn' WHERE id = ? AND status = 'pending'`).run(reason, row.id);
    deps.db
      .prepare(`UPDATE messages SET status = 'failed', failure_reason = ?, status_at = ?, meta = ? WHERE id = ?`)
      .run(reason, now, JSON.stringify({ ...meta, scheduledCancelled: true }), msg.id);
  })();
  return publish(deps, messageId);
}
