import { ensureConversation, getConversation, saveConversationState } from '../../db/repositories/conversations';
import { insertMessage, setMessageStatus } from '../../db/repositories/messages';
import { insertOutbox, markParked } from '../../db/repositories/outbox';
import { afterStaffReply } from '../messaging/conversationState';
import type { MessagingDeps } from '../messaging/messagingService';

export const FAILED_DEMO_REPLY = 'Le ricordiamo di portare la tessera sanitaria e le radiografie precedenti.';

/**
 * A reply the SMS provider refused, as the outbox leaves it after its last attempt: the timeline
 * shows the reason and the Retry button sends it again (the demo's simulated SMS then delivers it).
 */
export function seedFailedReply(deps: MessagingDeps, patient: { id: number; phone: string }, at: number): void {
  const { db } = deps;
  const conv = ensureConversation(db, patient.id, at);
  const { row } = insertMessage(db, { conversationId: conv.id, channel: 'sms', direction: 'out', body: FAILED_DEMO_REPLY, status: 'queued', author: 'Reception', at });
  const reason = 'Operatore: numero temporaneamente non raggiungibile (SMSAPI error 13)';
  setMessageStatus(db, row.id, 'failed', at, { failureReason: reason });
  const outbox = insertOutbox(db, { idempotencyKey: `message:${row.id}`, messageId: row.id, channel: 'sms', toPhone: patient.phone, whatsappJid: null, body: FAILED_DEMO_REPLY, firstContact: false, media: null }, at);
  markParked(db, outbox.id, 'network', reason);
  saveConversationState(db, conv.id, afterStaffReply(getConversation(db, conv.id)!, at, 'sms', FAILED_DEMO_REPLY));
}
