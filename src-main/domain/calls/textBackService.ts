import { hasOptedOut } from '../../db/repositories/autoReplies';
import { ensureConversation } from '../../db/repositories/conversations';
import { getPatient } from '../../db/repositories/patients';
import { getTemplate, patientBasics, shortcodeOwner } from '../../db/repositories/templates';
import { claimTextBack, lastTextBackAt, setTextBackMessage } from '../../db/repositories/textBacks';
import { isOpenAt } from '../hours/businessHours';
import { getBusinessHours } from '../hours/hoursService';
import { localParts } from '../hours/zonedTime';
import { queueOutgoing, resolvePatient, type MessagingDeps } from '../messaging/messagingService';
import { getClinicSettings } from '../settings/clinicSettings';
import { DeskError } from '../shared/errors';
import { composeFromTemplate } from '../templates/composeFromTemplate';
import { variableContext } from '../templates/templateService';
import { getTextBackRules } from './callSettings';
import type { NormalizedCall } from './callTypes';
import { MISSED_CALL_VARIANTS } from './missedCallText';
import { textBackDecision } from './textBack';

export interface TextBackOutcome {
  sent: boolean;
  reason: string | null;
  messageId: number | null;
}

/**
 * After an unanswered call is stored: decide (pure `textBackDecision`), then claim the caller's one
 * text-back of the day (UNIQUE phone+day) and queue the message with the idempotency key
 * `textback:<phone>:<day>`, all in one transaction, so three missed calls or a crash and restart still
 * send one text. Runs inside the caller's transaction; a failure here never loses the call record.
 */
export function maybeTextBack(
  deps: MessagingDeps,
  f: { callId: number; call: NormalizedCall; phone: string | null; patientId: number | null; viaWhatsApp: boolean; whatsappJid?: string | null },
): TextBackOutcome {
  const { db, clock } = deps;
  const rules = getTextBackRules(db);
  const skip = (reason: string): TextBackOutcome => ({ sent: false, reason, messageId: null });
  if (!rules.enabled) return skip('disabled');
  const now = clock.now();
  const settings = getClinicSettings(db);
  const patient = f.patientId ? getPatient(db, f.patientId) : undefined;
  const decision = textBackDecision(rules, {
    call: { direction: f.call.direction, result: f.call.result, startedAt: f.call.startedAt, ringSeconds: f.call.ringSeconds, viaWhatsApp: f.viaWhatsApp },
    phone: f.phone && f.phone.startsWith('+') ? f.phone : null,
    patient: f.patientId && patient
      ? { preferredChannel: patient.preferred_channel, optedOut: { sms: hasOptedOut(db, f.patientId, 'sms'), whatsapp: hasOptedOut(db, f.patientId, 'whatsapp') } }
      : null,
    lastTextBackAt: f.phone ? lastTextBackAt(db, f.phone) : null,
    now,
    timeZone: settings.timeZone,
    clinicOpen: isOpenAt(getBusinessHours(db), now),
  });
  if (!decision.send) return skip(decision.reason);
  const phone = f.phone!;
  const day = localParts(now, settings.timeZone).date;
  try {
    return db.transaction((): TextBackOutcome => {
      // An unknown caller texted back becomes a first contact, like one who wrote first.
      const patientId = f.patientId ?? resolvePatient(deps, { phone, whatsappJid: f.whatsappJid ?? null }).patientId;
      const conversationId = ensureConversation(db, patientId, now).id;
      const ownerId = shortcodeOwner(db, rules.templateShortcode);
      const variants = (ownerId !== undefined ? getTemplate(db, ownerId)?.variants : undefined) ?? MISSED_CALL_VARIANTS;
      const composed = composeFromTemplate(variants, patientBasics(db, patientId)?.language ?? null, settings.defaultLanguage, variableContext(db, patientId, now));
      if (!composed || composed.text === '') return skip('template_empty');
      if (composed.missing.length > 0) return skip(`template_missing:${composed.missing.join(',')}`);
      const claim = claimTextBack(db, { phone, localDay: day, callId: f.callId, channel: decision.channel }, now);
      if (claim === null) return skip('already_today');
      const { message } = queueOutgoing(deps, {
        conversationId,
        channel: decision.channel,
        body: composed.text,
        author: null,
        automatic: true,
        idempotencyKey: `textback:${phone}:${day}`,
        meta: { textBack: { callId: f.callId } },
      });
      setTextBackMessage(db, claim, message.id);
      return { sent: true, reason: null, messageId: message.id };
    })();
  } catch (err) {
    // No reachable number on that channel, say: the call stays logged, the text-back is reported as skipped.
    if (err instanceof DeskError) return skip(`cannot_send: ${err.message}`);
    throw err;
  }
}
