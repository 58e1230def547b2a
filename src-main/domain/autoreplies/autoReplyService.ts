/**
 * Wires the auto-reply decision to inbound messages: gathers the conversation's facts, decides, renders the
 * template in the patient's language and queues the reply through the outbox, all in one transaction keyed
 * by the inbound message (auto_replies.inbound_message_id is UNIQUE, the outbox key is autoreply:<id>),
 * so a message handled twice still gets at most one automatic reply.
 */
import type { Db } from '../../db/database';
import { autoReplyForInbound, firstInboundTexts, hasOptedOut, insertAutoReply, previousInboundAt, recentAutoReplies } from '../../db/repositories/autoReplies';
import { readSettingParsed, writeSetting } from '../../db/repositories/settings';
import { conversationPatient, firstTemplateOfCategory, getTemplate, patientBasics, recordTemplateUse } from '../../db/repositories/templates';
import { getBusinessHours } from '../hours/hoursService';
import type { Channel } from '../messaging/channelPort';
import { queueOutgoing, recordSystemEvent, type MessagingDeps } from '../messaging/messagingService';
import { getClinicSettings } from '../settings/clinicSettings';
import { composeFromTemplate } from '../templates/composeFromTemplate';
import { variableContext } from '../templates/templateService';
import { DEFAULT_AUTO_REPLY_SETTINGS, parseAutoReplySettings, type AutoReplySettings } from './autoReplySettings';
import { decideAutoReply, type AutoReplyDecision } from './decideAutoReply';
import { autoReplyEventText } from './autoReplyEvents';
import { detectLanguage } from './languageDetector';
import { proposeLanguage, type LanguageProposal } from './languageProposal';

const KEY = 'autoReplies';
const TWO_DAYS = 2 * 86_400_000;

export function getAutoReplySettings(db: Db): AutoReplySettings {
  return readSettingParsed(db, KEY, (stored) => (stored === undefined ? DEFAULT_AUTO_REPLY_SETTINGS : parseAutoReplySettings(stored)));
}

export function saveAutoReplySettings(db: Db, input: unknown): AutoReplySettings {
  const settings = parseAutoReplySettings(input);
  writeSetting(db, KEY, settings);
  return settings;
}

/** The language proposal for a patient from their first messages and phone; null when nothing to go on. */
export function languageProposalFor(db: Db, patientId: number): LanguageProposal | null {
  const patient = patientBasics(db, patientId);
  if (!patient) return null;
  const conv = db.prepare('SELECT id FROM conversations WHERE patient_id = ?').get(patientId) as { id: number } | undefined;
  const texts = conv ? firstInboundTexts(db, conv.id, 5) : [];
  return proposeLanguage({ texts, phoneE164: patient.phone, detect: detectLanguage });
}

export function anyRuleOn(s: AutoReplySettings): boolean {
  return s.welcome.enabled || s.outOfHours.enabled || (s.keywords.enabled && Object.values(s.keywords.topics).some((t) => t.enabled));
}

export interface InboundFacts {
  messageId: number;
  conversationId: number;
  channel: Channel;
  body: string;
  kind: string;
  at: number;
}

const CATEGORY: Record<string, string> = { welcome: 'welcome', out_of_hours: 'out_of_hours' };

/** Decides and, if so, queues the one automatic reply to an inbound message. Returns the decision. */
export function handleInbound(deps: MessagingDeps, m: InboundFacts): AutoReplyDecision {
  const { db, clock } = deps;
  // Every rule off: nothing to decide, so no hours, no language detection, no transaction.
  const settings = getAutoReplySettings(db);
  if (!anyRuleOn(settings)) return { send: false, reason: 'nothing_applies' };
  return db.transaction((): AutoReplyDecision => {
    if (autoReplyForInbound(db, m.messageId)) return { send: false, reason: 'nothing_applies' };
    const patientId = conversationPatient(db, m.conversationId);
    if (patientId === undefined) return { send: false, reason: 'nothing_applies' };
    const now = clock.now();
    const clinic = getClinicSettings(db);
    const patient = patientBasics(db, patientId);
    const proposal = patient?.language ? null : languageProposalFor(db, patientId);
    const language = patient?.language ?? proposal?.language ?? null;
    // A patient with no language yet: the message's own language picks the keyword answers too. For one
    // whose language is known nothing is detected, so the detector (150 MB) loads only for first contacts.
    const detected = !patient?.language && settings.keywords.enabled && m.body.length >= 12 ? detectLanguage(m.body)?.language : undefined;
    const hours = getBusinessHours(db);

    const decision = decideAutoReply({
      now,
      message: { body: m.body, at: m.at, kind: m.kind },
      conversation: {
        previousInboundAt: previousInboundAt(db, m.conversationId, m.messageId, m.at),
        recentAutoReplies: recentAutoReplies(db, m.conversationId, m.at - TWO_DAYS).map((r) => ({ kind: r.kind, topic: r.topic as never, at: r.at })),
        optedOut: hasOptedOut(db, patientId, m.channel),
      },
      languages: [...new Set([language, detected, clinic.defaultLanguage].filter((l): l is string => Boolean(l)))],
      settings,
      hours,
    });
    if (decision.send === false) {
      if (decision.reason === 'auto_responder_text' || decision.reason === 'rapid_exchange') {
        recordSystemEvent(deps, m.conversationId, autoReplyEventText(clinic.uiLanguage, { held: decision.reason }), { event: 'auto_reply_held', reason: decision.reason });
      }
      return decision;
    }

    // A chosen template deleted since falls back to the category's first, like no choice at all.
    const template =
      (decision.templateId !== null ? getTemplate(db, decision.templateId) : undefined) ??
      firstTemplateOfCategory(db, decision.kind === 'keyword' ? (decision.topic ?? '') : (CATEGORY[decision.kind] ?? ''));
    const composed = template ? composeFromTemplate(template.variants, language, clinic.defaultLanguage, variableContext(db, patientId, now)) : null;
    if (!template || !composed || composed.missing.length > 0) {
      recordSystemEvent(deps, m.conversationId, autoReplyEventText(clinic.uiLanguage, { missingTemplate: decision.kind, missing: composed?.missing ?? [] }), {
        event: 'auto_reply_unsendable',
        kind: decision.kind,
        missing: composed?.missing ?? [],
      });
      return { send: false, reason: 'nothing_applies' };
    }

    const { message } = queueOutgoing(deps, {
      conversationId: m.conversationId,
      channel: m.channel,
      body: composed.text,
      author: null,
      automatic: true,
      idempotencyKey: `autoreply:${m.messageId}`,
      meta: { autoReply: decision.kind, topic: decision.topic, templateId: template.id, language: composed.language, fellBack: composed.fellBack },
    });
    insertAutoReply(db, {
      conversationId: m.conversationId,
      inboundMessageId: m.messageId,
      kind: decision.kind,
      topic: decision.topic,
      templateId: template.id,
      language: composed.language,
      messageId: message.id,
      at: now,
    });
    recordTemplateUse(db, template.id, now);
    return decision;
  })();
}
