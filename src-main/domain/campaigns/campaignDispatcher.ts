import type { Db } from '../../db/database';
import {
  campaignBacklog,
  dueCampaigns,
  getCampaign,
  hasInbound,
  markRecipientQueued,
  markRecipientRefused,
  nextPendingRecipient,
  setCampaignStatus,
  setNextDispatch,
  type CampaignRow,
} from '../../db/repositories/campaigns';
import { ensureConversation } from '../../db/repositories/conversations';
import { firstContactsSince } from '../../db/repositories/whatsappAuth';
import type { Channel } from '../messaging/channelPort';
import { queueOutgoing, type MessagingDeps } from '../messaging/messagingService';
import type { Clock } from '../shared/clock';
import type { Random } from '../shared/random';
import { getSmsSettings } from '../sms/smsSettings';
import { FIRST_CONTACT_WINDOW_MS, firstContactAllowance } from '../whatsapp/pacing';
import { getWhatsAppSettings } from '../whatsapp/whatsappSettings';
import { campaignGapMs } from './campaignPace';
import { campaignText } from './campaignText';
import { decideConsent, type RefusalReason } from './consentRules';
import { recipientFacts } from './recipientFacts';
import { materialise } from './campaignLifecycle';

export interface DispatchDeps {
  db: Db;
  clock: Clock;
  random: Random;
  messaging: MessagingDeps;
}

/** Refusals cost no sending time, but one tick decides at most this many, so the desk never stalls on a big audience. */
const MAX_DECISIONS_PER_TICK = 500;
/**
 * Messages of one campaign allowed to wait in the outbox at once, and how long to wait when that many do: enough
 * slack that a provider answering in 30 ms never slows a fast campaign, little enough that a stalled channel holds
 * only a handful when the manager pauses or a patient opts out.
 */
const MAX_BACKLOG = 20;
const BACKLOG_WAIT_MS = 500;

export const campaignKey = (campaignId: number, patientId: number): string => `campaign:${campaignId}:${patientId}`;

/**
 * One step of every campaign that is due: a scheduled one starts (its audience is materialised), a running one
 * decides its next recipients until one message is handed to the outbox, then waits the paced gap. Each decision
 * (queued + outbox row, or refused + reason) is one transaction, so a crash never loses or repeats one.
 * Returns the campaigns that moved (for progress events).
 */
export function dispatchDue(deps: DispatchDeps): number[] {
  const moved: number[] = [];
  for (const c of dueCampaigns(deps.db, deps.clock.now())) {
    if (c.status === 'scheduled') materialise(deps.db, c, 'scheduler', deps.clock.now());
    dispatchCampaign(deps, c.id);
    moved.push(c.id);
  }
  return moved;
}

export function dispatchCampaign(deps: DispatchDeps, campaignId: number): 'sent' | 'waiting' | 'done' | 'stopped' {
  const { db } = deps;
  for (let i = 0; i < MAX_DECISIONS_PER_TICK; i++) {
    const outcome = db.transaction(() => decideNext(deps, campaignId))();
    if (outcome !== 'refused') return outcome;
  }
  return 'waiting';
}

function decideNext(deps: DispatchDeps, campaignId: number): 'sent' | 'refused' | 'waiting' | 'done' | 'stopped' {
  const { db } = deps;
  const now = deps.clock.now();
  const c = getCampaign(db, campaignId);
  if (!c || c.status !== 'running') return 'stopped';
  // Backpressure: when the channel stalls (WhatsApp offline, provider down) the campaign waits instead of filling the
  // outbox, so a pause, a cancel or an opt-out still reaches everyone not yet handed to a provider.
  if (campaignBacklog(db, c.id) >= MAX_BACKLOG) {
    setNextDispatch(db, c.id, now + BACKLOG_WAIT_MS);
    return 'waiting';
  }
  const r = nextPendingRecipient(db, c.id);
  if (!r) {
    setCampaignStatus(db, c.id, 'done', { finishedAt: now, nextDispatchAt: null });
    return 'done';
  }
  const channels = JSON.parse(c.channels) as Channel[];
  const { patient, facts } = recipientFacts(db, r.patient_id);
  const refuse = (reason: RefusalReason, channel: Channel | null) => {
    markRecipientRefused(db, c.id, r.patient_id, reason, channel, now);
    return 'refused' as const;
  };
  let decision = decideConsent('marketing', facts, channels);
  if (!decision.ok || !patient) return refuse(decision.ok ? 'erased' : decision.reason, decision.ok ? null : decision.channel);
  const conv = ensureConversation(db, patient.id, now);
  // WhatsApp's daily cap on numbers that never wrote to the clinic: use another consented channel, else wait for a slot.
  if (decision.channel === 'whatsapp' && !hasInbound(db, conv.id)) {
    const cap = getWhatsAppSettings(db).firstContactDailyCap;
    const allowance = firstContactAllowance(firstContactsSince(db, now - FIRST_CONTACT_WINDOW_MS), now, cap);
    if (!allowance.allowed) {
      const other = decideConsent('marketing', facts, channels.filter((ch) => ch !== 'whatsapp'));
      if (!other.ok) {
        setNextDispatch(db, c.id, allowance.retryAt);
        return 'waiting';
      }
      decision = other;
    }
  }
  const text = campaignText(db, JSON.parse(c.variants) as Record<string, string>, { firstName: patient.first_name, lastName: patient.last_name, language: patient.language }, now);
  if (!text) return refuse('no_variant', decision.channel);
  if (text.missing.length > 0) return refuse('missing_variable', decision.channel);
  const { message } = queueOutgoing(deps.messaging, {
    conversationId: conv.id,
    channel: decision.channel,
    body: text.text,
    author: null,
    automatic: true,
    idempotencyKey: campaignKey(c.id, patient.id),
    meta: { campaignId: c.id, campaignKind: c.kind },
  });
  markRecipientQueued(db, c.id, patient.id, decision.channel, text.language, message.id, now);
  const gap = campaignGapMs(decision.channel, c.per_minute, {
    pacing: getWhatsAppSettings(db),
    smsProvider: getSmsSettings(db).activeProvider,
    random: deps.random,
  });
  setNextDispatch(db, c.id, now + gap);
  return 'sent';
}

export type { CampaignRow };
