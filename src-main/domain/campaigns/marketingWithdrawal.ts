import type { Db } from '../../db/database';
import { queuedMarketingOf, withdrawQueuedRecipient } from '../../db/repositories/campaigns';
import type { Channel } from '../messaging/channelPort';
import { decideConsent, type RefusalReason } from './consentRules';
import { recipientFacts } from './recipientFacts';

/**
 * Campaigns and automations hand messages to the outbox ahead of time (up to the backlog), so a consent lost after
 * that decision must reach back into the outbox: an opt-out or a withdrawn consent is honoured at once by every
 * sender. Only messages still waiting are taken back; one being sent or sent is past recall.
 */

const CAMPAIGN_KEY = /^campaign:(\d+):(\d+)$/;

/** Whether marketing to this patient on this channel is still allowed now; the refusal reason when not. */
function marketingRefusal(db: Db, patientId: number, channel: Channel): RefusalReason | null {
  const { facts } = recipientFacts(db, patientId);
  const d = decideConsent('marketing', facts, [channel]);
  return d.ok ? null : d.reason;
}

/**
 * Call in the transaction that withdrew a consent (STOP, the patient card): every queued campaign or automation
 * message of the patient that the consent rules now refuse is cancelled and its recipient marked refused with the
 * reason. A service message (reminder, notice) is not a campaign row and is left alone. Returns how many were taken back.
 */
export function withdrawQueuedMarketing(db: Db, patientId: number, at: number): number {
  const rows = queuedMarketingOf(db, patientId);
  if (rows.length === 0) return 0;
  let n = 0;
  for (const row of rows) {
    const reason = marketingRefusal(db, patientId, row.channel ?? 'sms');
    if (reason && withdrawQueuedRecipient(db, row, reason, at)) n++;
  }
  return n;
}

/**
 * Last check before the outbox worker sends a row (defence in depth, for a consent changed by a path that did not
 * sweep, or by another process): a campaign row whose patient may no longer receive marketing is cancelled instead.
 * Non-campaign rows cost a regular-expression test. Returns the refusal reason when the row was taken back.
 */
export function vetoMarketingRow(db: Db, row: { id: number; idempotency_key: string; channel: Channel; message_id: number | null }, at: number): RefusalReason | null {
  const m = CAMPAIGN_KEY.exec(row.idempotency_key);
  if (!m) return null;
  const campaignId = Number(m[1]);
  const patientId = Number(m[2]);
  const reason = marketingRefusal(db, patientId, row.channel);
  if (!reason) return null;
  return withdrawQueuedRecipient(db, { campaign_id: campaignId, patient_id: patientId, message_id: row.message_id, outbox_id: row.id }, reason, at) ? reason : null;
}
