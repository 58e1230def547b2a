/**
 * Channel fallback after a permanent send failure. An automatic visit message (reminder, booking confirmation,
 * reschedule or cancellation notice, feedback request, answer acknowledgement) or delay notice whose outbox row was parked is
 * queued ONCE on the patient's next consented channel, with the same text, under the key `fallback:<key>`;
 * the original row records the decision (migration 161), so a restart, a second event or the scheduler's
 * sweep never decides twice. The timeline says why ("Sent by SMS instead of WhatsApp: sending failed (…)").
 * Nothing is sent once the visit (or the open question) is over, nor a delay notice once the patient arrived, its ETA
 * passed or a newer notice replaced it; a fallback never falls back again.
 * The fallback of a visit-loop message keeps to the sending window (`nextAllowed`, the reminders' rule): a failure
 * known at 22:30 is queued with the outbox's `notBefore` at the next window start; if that is already too late
 * (the visit or the question is over by then) it is `expired`. Delay notices are urgent and go at once.
 * While such a fallback waits, its timeline line says when it will go ("SMS scheduled for tomorrow, 09:00 …", clinic's
 * zone); once the outbox has sent it, the same line is rewritten to "Sent by SMS instead of …" (`fallbackSent`).
 */
import {
  appointmentIdsOf,
  delayNoticeAppointment,
  failedDelayNoticeOf,
  failedDelayNoticesSince,
  failedVisitMessageOf,
  failedVisitMessagesSince,
  scheduledFallbackEvent,
  setEventBody,
  setFallback,
  whatsappFallbackMessage,
  type FailedVisitMessage,
} from '../../db/repositories/visitFallback';
import { queueOutgoing, recordSystemEvent } from '../messaging/messagingService';
import { getBusinessHours } from '../hours/hoursService';
import { getClinicSettings } from '../settings/clinicSettings';
import { nextAllowed } from './sendingWindow';
import type { TimelineMessage } from '../../contract/inbox';
import { getMessage } from '../../db/repositories/messages';
import { formatWhen } from '../templates/localeFormat';
import { toTimelineMessage } from '../messaging/timeline';
import { fallbackScheduledText, fallbackText, unreachableText } from './visitEventTexts';
import { getVisitLoopSettings } from './visitLoopSettings';
import { channelFor, type VisitLoopDeps } from './visitMessaging';

const DAY = 24 * 3_600_000;
/** How far back the sweep looks: a parked row older than this was surely handled (or is moot). */
const SWEEP_DAYS = 7;

export type FallbackOutcome = 'queued' | 'unreachable' | 'expired';

/** When the fallback may go: at once for a delay notice, else the sending window's next allowed instant. */
function fallbackSendAt(deps: VisitLoopDeps, f: FailedVisitMessage, now: number): number {
  // Delay notices (a doctor running late, for patients waiting today) are urgent: their fallback goes at once,
  // whatever the hour, like the notice itself.
  if (f.source === 'delay') return now;
  // No allowed instant within two weeks (the clinic is closed): the "over" check below decides, as before.
  return nextAllowed(now, getVisitLoopSettings(deps.db).sendingWindow, getBusinessHours(deps.db)) ?? now;
}

export function fallbackAfterFailure(deps: VisitLoopDeps, f: FailedVisitMessage): FallbackOutcome {
  const { db } = deps;
  return db.transaction((): FallbackOutcome => {
    const now = deps.clock.now();
    const overAt = (t: number) => !f.live || (f.asks_until !== null ? f.asks_until <= t : f.first_start !== null && f.first_start <= t);
    const sendAt = fallbackSendAt(deps, f, now);
    // Over now, or by the time the window lets the fallback go (a reminder failed at 22:30 for an 08:30 visit).
    if (overAt(now) || overAt(sendAt)) {
      setFallback(db, f, 'expired', null);
      return 'expired';
    }
    // The clinic's WhatsApp "SMS for numbers without WhatsApp" switch may have queued the copy already.
    const already = whatsappFallbackMessage(db, f.idempotency_key);
    if (already !== null) {
      setFallback(db, f, 'queued', already);
      return 'queued';
    }
    const { uiLanguage: ui, timeZone } = getClinicSettings(db);
    const appointmentIds = f.source === 'delay' ? delayNoticeAppointment(db, f.id) : appointmentIdsOf(db, f.id);
    const facts = channelFor(deps, f.patient_id, [f.channel]);
    if (!facts || !facts.choice.ok) {
      setFallback(db, f, 'unreachable', null);
      if (facts && !facts.choice.ok) recordSystemEvent(deps, f.conversation_id, unreachableText(ui, f.kind, facts.choice.why), { visitLoop: { kind: f.kind, appointmentIds, unreachable: facts.choice.why } });
      return 'unreachable';
    }
    const channel = facts.choice.channel;
    const about = f.source === 'delay' ? { delayNoticeFallback: { appointmentIds } } : { visitLoop: { kind: f.kind, appointmentIds } };
    const meta = { ...about, fallback: { from: f.channel, why: 'failed', failure: f.error, failedMessageId: f.message_id } };
    const later = sendAt > now;
    const { message } = queueOutgoing(deps, {
      conversationId: f.conversation_id,
      channel,
      body: f.body,
      author: null,
      automatic: true,
      idempotencyKey: `fallback:${f.idempotency_key}`,
      kind: f.message_kind,
      meta,
      ...(later ? { notBefore: sendAt } : {}),
    });
    setFallback(db, f, 'queued', message.id);
    const line = later
      ? fallbackScheduledText(ui, channel, f.channel, 'failed', formatWhen(sendAt, now, ui, timeZone))
      : fallbackText(ui, channel, f.channel, 'failed');
    const eventMeta = later ? { ...about, fallback: { ...meta.fallback, fallbackMessageId: message.id, scheduledFor: sendAt } } : meta;
    recordSystemEvent(deps, f.conversation_id, f.error ? `${line} (${f.error})` : line, eventMeta);
    return 'queued';
  })();
}

/** Right after the outbox parked a message (its `message.updated` event). */
export function fallbackForMessage(deps: VisitLoopDeps, messageId: number): FallbackOutcome | null {
  const f = failedVisitMessageOf(deps.db, messageId) ?? failedDelayNoticeOf(deps.db, messageId);
  return f ? fallbackAfterFailure(deps, f) : null;
}

/** The scheduler's sweep: what a crash between "parked" and "fallback queued" left undecided. */
export function fallbackSweep(deps: VisitLoopDeps): number {
  let queued = 0;
  const since = deps.clock.now() - SWEEP_DAYS * DAY;
  for (const f of [...failedVisitMessagesSince(deps.db, since), ...failedDelayNoticesSince(deps.db, since)]) {
    if (fallbackAfterFailure(deps, f) === 'queued') queued++;
  }
  return queued;
}

/**
 * A fallback that waited for the window has gone (its `message.updated` with status sent or later): its timeline
 * line stops saying "scheduled for …" and says it was sent. Idempotent: a later delivered/read update rewrites nothing.
 */
export function fallbackSent(deps: VisitLoopDeps, m: TimelineMessage, conversationId: number): boolean {
  const fb = m.meta?.fallback as { from?: string; failure?: string | null } | undefined;
  if (!fb || m.channel === 'system' || m.direction !== 'out' || !['sent', 'delivered', 'read'].includes(m.status)) return false;
  const event = scheduledFallbackEvent(deps.db, conversationId, m.id);
  if (!event) return false;
  const line = fallbackText(getClinicSettings(deps.db).uiLanguage, m.channel, fb.from ?? '', 'failed');
  const body = fb.failure ? `${line} (${fb.failure})` : line;
  if (event.body === body) return false;
  setEventBody(deps.db, event.id, body);
  deps.events.emit('message.updated', { conversationId, message: toTimelineMessage(getMessage(deps.db, event.id)!) });
  return true;
}
