import { ensureConversation, getConversation, saveConversationState } from '../../db/repositories/conversations';
import { insertMessage, setMessageStatus } from '../../db/repositories/messages';
import { withMessage } from '../messaging/conversationState';
import type { MessagingDeps } from '../messaging/messagingService';

export const FAILED_DEMO_REPLY = 'Le ricordiamo di portare la tessera sanitaria e le radiografie precedenti.';

/**
 * A reply the SMS provider refused: the timeline shows the reason and the Retry button sends it
 * again through a fresh outbox row (the demo's simulated SMS then delivers it). No outbox row is
 * seeded, so the demo starts with an empty outbox.
 */
export function seedFailedReply(deps: MessagingDeps, patient: { id: number }, at: number): void {
  const { db } = deps;
  const conv = ensureConversation(db, patient.id, at);
  const { row } = insertMessage(db, { conversationId: conv.id, channel: 'sms', direction: 'out', body: FAILED_DEMO_REPLY, status: 'queued', author: 'Reception', at });
  const reason = 'Operatore: numero temporaneamente non raggiungibile (SMSAPI error 13)';
  setMessageStatus(db, row.id, 'failed', at, { failureReason: reason });
  saveConversationState(db, conv.id, withMessage(getConversation(db, conv.id)!, { type: 'outbound', at }, 'sms', FAILED_DEMO_REPLY));
}
