/**
 * Applies an opt-out keyword received by SMS: withdraws the patient's SMS consent (patient_consents,
 * source "opt-out keyword"), notes it in the timeline, and confirms once. A patient already opted out,
 * or the same STOP delivered twice, changes nothing and gets no second confirmation.
 */
import { hasOptedOut } from '../../db/repositories/autoReplies';
import { getConversation } from '../../db/repositories/conversations';
import { getPatient, setConsent } from '../../db/repositories/patients';
import { insertOptOut, latestOptOut, reminderSentSince, setOptOutConfirmation } from '../../db/repositories/sms';
import { withdrawQueuedMarketing } from '../campaigns/marketingWithdrawal';
import { queueOutgoing, recordSystemEvent, type MessagingDeps } from '../messaging/messagingService';
import { getClinicSettings } from '../settings/clinicSettings';
import { localParts } from '../hours/zonedTime';
import { confirmationText, isOptInKeyword, matchOptOut } from './optOut';
import { openQuestion } from '../../db/repositories/visitMessages';
import { automaticSmsBlockedText, optedInEventText, optedOutEventText } from './smsEventTexts';
import { getSmsSettings } from './smsSettings';

export const OPT_OUT_CONFIRMATION_KIND = 'sms_opt_out_confirmation';
/** How long after a reminder a bare "NIE"/"NO" is read as its answer. */
const REMINDER_ANSWER_WINDOW_MS = 72 * 3600_000;

export interface InboundSms {
  messageId: number;
  conversationId: number;
  body: string;
  at: number;
}

export type OptOutOutcome = { optedOut: false } | { optedOut: true; keyword: string; confirmationMessageId: number | null; alreadyOptedOut: boolean };

export function handleOptOutKeyword(deps: MessagingDeps, m: InboundSms): OptOutOutcome {
  const { db } = deps;
  const settings = getSmsSettings(db);
  // Most messages are no keyword: nothing is read from the database for them.
  const match = matchOptOut(m.body, settings.optOutKeywords, {
    reminderPending: () => reminderSentSince(db, m.conversationId, m.at - REMINDER_ANSWER_WINDOW_MS) || openQuestion(db, m.conversationId, m.at) !== undefined,
  });
  if (!match && !isOptInKeyword(m.body)) return { optedOut: false };
  const conv = getConversation(db, m.conversationId);
  if (!conv) return { optedOut: false };
  if (!match) {
    optBackIn(deps, conv.id, conv.patient_id, m);
    return { optedOut: false };
  }

  return db.transaction((): OptOutOutcome => {
    const patientId = conv.patient_id;
    // Already opted out (or this very message re-delivered): nothing changes and no second confirmation.
    if (hasOptedOut(db, patientId, 'sms')) return { optedOut: true, keyword: match.keyword, confirmationMessageId: null, alreadyOptedOut: true };
    const optOutId = insertOptOut(db, { patientId, inboundMessageId: m.messageId, keyword: match.keyword, at: m.at });
    if (optOutId === null) return { optedOut: true, keyword: match.keyword, confirmationMessageId: null, alreadyOptedOut: true };

    setConsent(db, patientId, 'sms', false, m.at, 'opt-out keyword');
    // Campaign and automation messages already queued for this patient are taken back in the same transaction.
    withdrawQueuedMarketing(db, patientId, m.at);
    const clinic = getClinicSettings(db);
    recordSystemEvent(deps, conv.id, optedOutEventText(clinic.uiLanguage, match.keyword), { type: 'sms_opt_out', keyword: match.keyword });
    const patient = getPatient(db, patientId);
    const text = confirmationText(settings.optOutConfirmation, [patient?.language, match.language, clinic.defaultLanguage], clinic.clinicName);
    const { message } = queueOutgoing(deps, {
      conversationId: conv.id,
      channel: 'sms',
      body: text,
      author: null,
      automatic: true,
      idempotencyKey: `sms-optout:${optOutId}`,
      kind: OPT_OUT_CONFIRMATION_KIND,
      meta: { optOutKeyword: match.keyword },
    });
    setOptOutConfirmation(db, optOutId, message.id);
    return { optedOut: true, keyword: match.keyword, confirmationMessageId: message.id, alreadyOptedOut: false };
  })();
}

/** Why an automatic SMS to this patient is refused (in the desk's language), or null when it may go. */
export function automaticSmsBlockReason(deps: Pick<MessagingDeps, 'db'>, patientId: number): string | null {
  if (!hasOptedOut(deps.db, patientId, 'sms')) return null;
  const last = latestOptOut(deps.db, patientId);
  const { uiLanguage, timeZone } = getClinicSettings(deps.db);
  // The clinic's day of the opt-out: a STOP at 00:30 in Rome is dated that day, not UTC's day before.
  return automaticSmsBlockedText(uiLanguage, last?.keyword ?? null, last ? localParts(last.at, timeZone).date : null);
}

/** "START" after an opt-out: SMS consent is granted again (source "opt-in keyword") and noted in the timeline. */
function optBackIn(deps: MessagingDeps, conversationId: number, patientId: number, m: InboundSms): void {
  const { db } = deps;
  if (!hasOptedOut(db, patientId, 'sms')) return;
  db.transaction(() => {
    setConsent(db, patientId, 'sms', true, m.at, 'opt-in keyword');
    recordSystemEvent(deps, conversationId, optedInEventText(getClinicSettings(db).uiLanguage), { type: 'sms_opt_in' });
  })();
}
