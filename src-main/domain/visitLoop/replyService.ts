/**
 * Answers to the clinic's questions. An inbound message while a reminder or booking confirmation is open
 * (until the visit, or the clinic's reply window) is read by parseVisitReply: a confirmation confirms the
 * visits that message was about, a cancellation cancels them (slot freed on the board, desk alerted in the
 * timeline), each with an audit entry and a short acknowledgement; anything a person must read flags the
 * conversation, with one-click confirm / cancel (`visitLoop.resolve`). An open feedback request reads a 1–5
 * score. STOP-class words are left to the opt-out handler: an answer is never an opt-out.
 */
import { writeAudit } from '../../db/repositories/audit';
import { getConversation } from '../../db/repositories/conversations';
import { setFeedbackScore, setVisitStatusOnly, visitsByIds, type VisitRow } from '../../db/repositories/visitFacts';
import { appointmentsOfVisitMessage, flagConversation, getVisitMessage, openQuestion, recordAnswer, type VisitMessageRow } from '../../db/repositories/visitMessages';
import { cancelPendingNotices } from '../../db/repositories/delays';
import type { Channel } from '../messaging/channelPort';
import { recordSystemEvent } from '../messaging/messagingService';
import { publishConversation } from '../messaging/timeline';
import { getClinicSettings } from '../settings/clinicSettings';
import { DeskError, notFound } from '../shared/errors';
import { matchOptOut } from '../sms/optOut';
import { getSmsSettings } from '../sms/smsSettings';
import { publishDelays } from '../delays/waitingRoom';
import { parseFeedbackScore } from './parseFeedbackScore';
import { parseVisitReply } from './parseVisitReply';
import { answerText, scoreText } from './visitEventTexts';
import { visitList } from './visitList';
import { getVisitLoopSettings } from './visitLoopSettings';
import { sendVisitMessage, type VisitLoopDeps } from './visitMessaging';

export interface InboundReply {
  messageId: number;
  conversationId: number;
  channel: Channel;
  body: string;
  at: number;
}

export type ReplyOutcome =
  | { handled: false }
  | { handled: true; question: number; answer: 'confirmed' | 'cancelled' | 'ambiguous' | 'score'; appointments: number[]; score?: number };

const ANSWERABLE: ReadonlySet<VisitRow['status']> = new Set(['booked', 'confirmed']);
const WITHDRAWN = 'Not sent: the patient cancelled the visit';

export function handleVisitReply(deps: VisitLoopDeps, m: InboundReply): ReplyOutcome {
  const { db } = deps;
  const q = openQuestion(db, m.conversationId, m.at);
  if (!q) return { handled: false };
  if (q.kind === 'feedback') return handleScore(deps, q, m);
  const parsed = parseVisitReply(m.body);
  if (parsed.meaning === 'none') return { handled: false };
  // "STOP" while a reminder is open is an opt-out (the SMS area handles it), never an answer.
  if (matchOptOut(m.body, getSmsSettings(db).optOutKeywords, { reminderPending: true }) && parsed.meaning === 'ambiguous') return { handled: false };
  if (parsed.meaning === 'ambiguous') {
    const ids = appointmentsOfVisitMessage(db, q.id);
    db.transaction(() => {
      flagConversation(db, m.conversationId, 'ambiguous_answer', m.at);
      const visits = visitsByIds(db, ids);
      recordSystemEvent(deps, m.conversationId, answerText(getClinicSettings(db).uiLanguage, 'ambiguous', listFor(deps, visits)), {
        visitQuestion: { id: q.id, actions: ['confirm', 'cancel'], cues: parsed.cues, answerMessageId: m.messageId },
      });
    })();
    publishConversation(deps, m.conversationId);
    return { handled: true, question: q.id, answer: 'ambiguous', appointments: ids };
  }
  return applyAnswer(deps, q, parsed.meaning, { actor: 'patient', messageId: m.messageId, channel: m.channel, at: m.at });
}

/** One click on a flagged answer: the desk decides what the patient meant. */
export function resolveVisitQuestion(deps: VisitLoopDeps, visitMessageId: number, answer: 'confirm' | 'cancel', actor: string): ReplyOutcome {
  const q = getVisitMessage(deps.db, visitMessageId);
  if (!q) throw notFound('Visit message', visitMessageId);
  if (q.asks_until === null || q.kind === 'feedback') throw new DeskError('conflict', `visitMessageId: message ${visitMessageId} asked nothing to confirm or cancel`, { field: 'visitMessageId', reason: 'errors-detail:visitAskedNothing' });
  if (q.answer === 'confirmed' || q.answer === 'cancelled') throw new DeskError('conflict', `visitMessageId: already answered (${q.answer})`, { field: 'visitMessageId', reason: q.answer === 'confirmed' ? 'errors-detail:visitAnswered.confirmed' : 'errors-detail:visitAnswered.cancelled' });
  return applyAnswer(deps, q, answer, { actor, messageId: null, channel: q.channel, at: deps.clock.now() });
}

function listFor(deps: VisitLoopDeps, visits: readonly VisitRow[]): string {
  const clinic = getClinicSettings(deps.db);
  return visitList(visits.map((v) => ({ startsAt: v.starts_at, practitioner: v.practitioner })), clinic.uiLanguage, clinic.timeZone);
}

function applyAnswer(
  deps: VisitLoopDeps,
  q: VisitMessageRow,
  meaning: 'confirm' | 'cancel',
  by: { actor: string; messageId: number | null; channel: Channel; at: number },
): ReplyOutcome {
  const { db } = deps;
  const answer = meaning === 'confirm' ? 'confirmed' : 'cancelled';
  const settings = getVisitLoopSettings(db);
  const ids = appointmentsOfVisitMessage(db, q.id);
  const changed = db.transaction((): number[] => {
    const visits = visitsByIds(db, ids).filter((v) => ANSWERABLE.has(v.status));
    for (const v of visits) {
      const next = answer === 'confirmed' ? 'confirmed' : 'cancelled';
      if (v.status !== next) setVisitStatusOnly(db, v.id, next);
      if (next === 'cancelled') cancelPendingNotices(db, v.id, WITHDRAWN);
      writeAudit(db, by.at, {
        actor: by.actor,
        action: `appointment.${answer === 'confirmed' ? 'confirm' : 'cancel'}_by_reply`,
        entity: 'appointment',
        entityId: v.id,
        details: { from: v.status, to: next, visitMessageId: q.id, replyMessageId: by.messageId },
      });
    }
    recordAnswer(db, q.id, { answer, at: by.at, messageId: by.messageId });
    flagConversation(db, q.conversation_id, null, by.at);
    if (visits.length > 0) {
      recordSystemEvent(deps, q.conversation_id, answerText(getClinicSettings(db).uiLanguage, answer, listFor(deps, visits)), {
        visitAnswer: { visitMessageId: q.id, answer, appointmentIds: visits.map((v) => v.id), actor: by.actor },
      });
      if (settings.replies.acknowledge) {
        sendVisitMessage(deps, {
          kind: 'reply_ack',
          text: answer === 'confirmed' ? 'ack_confirmed' : 'ack_cancelled',
          patientId: q.patient_id,
          appointmentIds: visits.map((v) => v.id),
          idempotencyKey: `visit-ack:${q.id}`,
          channel: by.channel,
        });
      }
    }
    return visits.map((v) => v.id);
  })();
  publishConversation(deps, q.conversation_id);
  if (answer === 'cancelled') publishDelays(deps);
  return { handled: true, question: q.id, answer, appointments: changed };
}

function handleScore(deps: VisitLoopDeps, q: VisitMessageRow, m: InboundReply): ReplyOutcome {
  const { db } = deps;
  const score = parseFeedbackScore(m.body);
  if (score === null) return { handled: false };
  const settings = getVisitLoopSettings(db);
  const low = score <= settings.feedback.lowScoreAtMost;
  const ids = appointmentsOfVisitMessage(db, q.id);
  db.transaction(() => {
    for (const id of ids) setFeedbackScore(db, id, score);
    recordAnswer(db, q.id, { answer: 'score', at: m.at, messageId: m.messageId, score });
    if (low) flagConversation(db, m.conversationId, 'low_score', m.at);
    recordSystemEvent(deps, m.conversationId, scoreText(getClinicSettings(db).uiLanguage, score, low), { feedbackScore: { score, low, appointmentIds: ids } });
    for (const id of ids) writeAudit(db, m.at, { actor: 'patient', action: 'appointment.feedback', entity: 'appointment', entityId: id, details: { score } });
    const review = !low && score >= settings.feedback.reviewFromScore && settings.feedback.reviewUrl.trim() !== '';
    if (settings.replies.acknowledge) {
      sendVisitMessage(deps, { kind: 'reply_ack', text: review ? 'feedback_review' : 'feedback_thanks', patientId: q.patient_id, appointmentIds: ids, idempotencyKey: `visit-ack:${q.id}`, channel: m.channel });
    }
  })();
  publishConversation(deps, m.conversationId);
  return { handled: true, question: q.id, answer: 'score', appointments: ids, score };
}

/** The conversation's flag, for the inbox and the patient card. */
export function conversationFlag(deps: VisitLoopDeps, conversationId: number): string | null {
  const conv = getConversation(deps.db, conversationId) as unknown as { flag?: string | null } | undefined;
  return conv?.flag ?? null;
}
