/**
 * Sends one automatic message about visits: the channel chosen by channelChoice (with the reason when it is
 * not the preferred one, shown in the timeline), the text in the patient's language from the clinic's visit
 * texts, the message + outbox row + visit_messages row (+ the visits it is about) in ONE transaction under
 * the caller's idempotency key. The same key again returns what was written the first time.
 */
import { ensureConversation } from '../../db/repositories/conversations';
import { insertVisitMessage, visitMessageByKey, type VisitMessageKind } from '../../db/repositories/visitMessages';
import { patientReach, visitsByIds, type VisitRow } from '../../db/repositories/visitFacts';
import { channelUnusable, chooseServiceChannel, type ChannelUnusable } from '../messaging/channelChoice';
import type { Channel } from '../messaging/channelPort';
import { queueOutgoing, recordSystemEvent, type MessagingDeps } from '../messaging/messagingService';
import { getClinicSettings } from '../settings/clinicSettings';
import { formatLongDate, formatTime } from '../templates/localeFormat';
import { pickVariant, renderTemplate } from '../templates/renderTemplate';
import { fallbackText, unreachableText } from './visitEventTexts';
import { visitList } from './visitList';
import { getVisitLoopSettings } from './visitLoopSettings';
import type { VisitTextKind } from './visitTexts';

export interface VisitLoopDeps extends MessagingDeps {
  /** True while the clinic's WhatsApp is linked (a sender is plugged in). */
  whatsappLinked: () => boolean;
}

export interface VisitSend {
  kind: VisitMessageKind;
  text: VisitTextKind;
  patientId: number;
  appointmentIds: readonly number[];
  idempotencyKey: string;
  day?: string | null;
  /** Open question until then (reminder, confirmation, feedback); null for a notice. */
  asksUntil?: number | null;
  /** Reply on this channel when possible (an acknowledgement goes where the patient wrote). */
  channel?: Channel;
}

export type VisitSendResult =
  | { sent: true; created: boolean; messageId: number; channel: Channel; language: string; text: string; fallbackWhy: ChannelUnusable | null }
  | { sent: false; why: Partial<Record<Channel, ChannelUnusable>> | 'no_text' };

export interface ComposedVisitText {
  text: string;
  language: string;
}

/** The visit text in the patient's language (else the clinic's, else English), filled in. */
export function composeVisitText(deps: Pick<MessagingDeps, 'db'>, kind: VisitTextKind, language: string | null, firstName: string, visits: readonly VisitRow[]): ComposedVisitText | null {
  const settings = getVisitLoopSettings(deps.db);
  const clinic = getClinicSettings(deps.db);
  const picked = pickVariant(settings.texts[kind] ?? {}, language, [clinic.defaultLanguage, 'en']);
  if (!picked) return null;
  const tz = clinic.timeZone;
  const first = visits[0];
  const vars = {
    'patient.first_name': firstName,
    'clinic.name': clinic.clinicName,
    'clinic.review_url': settings.feedback.reviewUrl,
    'appointment.date': first ? formatLongDate(first.starts_at, picked.language, tz) : undefined,
    'appointment.time': first ? formatTime(first.starts_at, picked.language, tz) : undefined,
    'appointment.practitioner': first?.practitioner,
    'appointment.list': visitList(visits.map((v) => ({ startsAt: v.starts_at, practitioner: v.practitioner })), picked.language, tz),
  };
  const { text, missing } = renderTemplate(picked.body, vars, { locale: picked.language });
  if (missing.length > 0) return null;
  return { text: text.trim(), language: picked.language };
}

/** Channel facts for a patient; exported for the reminders plan (which shows the channel before sending). */
export function channelFor(deps: VisitLoopDeps, patientId: number, failedOn: readonly Channel[] = []) {
  const p = patientReach(deps.db, patientId);
  if (!p) return null;
  const choice = chooseServiceChannel({
    preferred: p.preferred_channel,
    consents: { sms: p.sms_consent === 1, whatsapp: p.whatsapp_consent === 1 },
    hasPhone: p.phone !== null,
    hasWhatsappId: p.whatsapp !== null,
    whatsappLinked: deps.whatsappLinked(),
    notOnWhatsapp: p.not_on_whatsapp === 1,
    failedOn,
  });
  return { patient: p, choice };
}

export function sendVisitMessage(deps: VisitLoopDeps, req: VisitSend): VisitSendResult {
  const { db, clock } = deps;
  return db.transaction((): VisitSendResult => {
    const prior = visitMessageByKey(db, req.idempotencyKey);
    if (prior?.message_id === null) return { sent: false, why: {} };
    if (prior) return { sent: true, created: false, messageId: prior.message_id, channel: prior.channel, language: prior.language ?? '', text: '', fallbackWhy: null };
    const facts = channelFor(deps, req.patientId);
    if (!facts) return { sent: false, why: {} };
    const { patient, choice } = facts;
    const now = clock.now();
    const conv = ensureConversation(db, req.patientId, now);
    const ui = getClinicSettings(db).uiLanguage;
    let channel: Channel;
    let fallbackWhy: ChannelUnusable | null = null;
    let fallbackFrom: Channel | null = null;
    if (req.channel && channelUnusable(req.channel, { ...factsOf(patient, deps), preferred: req.channel }) === null) {
      channel = req.channel;
    } else if (choice.ok) {
      channel = choice.channel;
      fallbackWhy = choice.why;
      fallbackFrom = choice.fallbackFrom;
    } else {
      recordSystemEvent(deps, conv.id, unreachableText(ui, req.kind, choice.why), { visitLoop: { kind: req.kind, appointmentIds: req.appointmentIds, unreachable: choice.why } });
      // Recorded under the key (no message): the scheduler's next pass neither retries nor repeats the line.
      insertVisitMessage(db, {
        kind: req.kind,
        patientId: req.patientId,
        conversationId: conv.id,
        messageId: null,
        idempotencyKey: req.idempotencyKey,
        channel: patient.preferred_channel ?? 'whatsapp',
        language: patient.language,
        fallbackReason: `unreachable:${Object.entries(choice.why).map(([c, w]) => `${c}=${w}`).join(',')}`,
        day: req.day ?? null,
        asksUntil: null,
        appointmentIds: req.appointmentIds,
        at: now,
      });
      return { sent: false, why: choice.why };
    }
    const visits = visitsByIds(db, req.appointmentIds);
    const composed = composeVisitText(deps, req.text, patient.language, patient.first_name, visits);
    if (!composed) return { sent: false, why: 'no_text' };
    const meta = { visitLoop: { kind: req.kind, appointmentIds: req.appointmentIds }, ...(fallbackFrom ? { fallback: { from: fallbackFrom, why: fallbackWhy } } : {}) };
    const { message, created } = queueOutgoing(deps, {
      conversationId: conv.id,
      channel,
      body: composed.text,
      author: null,
      automatic: true,
      idempotencyKey: req.idempotencyKey,
      kind: `visit_${req.kind}`,
      meta,
    });
    insertVisitMessage(db, {
      kind: req.kind,
      patientId: req.patientId,
      conversationId: conv.id,
      messageId: message.id,
      idempotencyKey: req.idempotencyKey,
      channel,
      language: composed.language,
      fallbackReason: fallbackWhy,
      day: req.day ?? null,
      asksUntil: req.asksUntil ?? null,
      appointmentIds: req.appointmentIds,
      at: now,
    });
    if (fallbackFrom) recordSystemEvent(deps, conv.id, fallbackText(ui, channel, fallbackFrom, fallbackWhy), meta);
    return { sent: true, created, messageId: message.id, channel, language: composed.language, text: composed.text, fallbackWhy };
  })();
}

function factsOf(p: NonNullable<ReturnType<typeof patientReach>>, deps: VisitLoopDeps) {
  return {
    consents: { sms: p.sms_consent === 1, whatsapp: p.whatsapp_consent === 1 },
    hasPhone: p.phone !== null,
    hasWhatsappId: p.whatsapp !== null,
    whatsappLinked: deps.whatsappLinked(),
    notOnWhatsapp: p.not_on_whatsapp === 1,
  };
}
