import { outboxMessage } from '../../db/repositories/whatsappMessages';
import type { ChannelSender, OutgoingMessage, SendResult } from '../messaging/channelPort';
import { queueOutgoing, type MessagingDeps } from '../messaging/messagingService';

/**
 * The `whatsapp` sender the outbox uses: the link itself, plus, when the clinic allows it, an SMS with
 * the same text for a number that has no WhatsApp. The WhatsApp message still fails with that reason
 * (the receptionist sees why), and the SMS is queued once per original outbox row.
 */
export function smsFallbackSender(link: ChannelSender, o: { messaging: MessagingDeps; enabled: () => boolean }): ChannelSender {
  return {
    channel: 'whatsapp',
    async send(m: OutgoingMessage): Promise<SendResult> {
      const result = await link.send(m);
      if (result.ok || result.code !== 'not_on_whatsapp' || !o.enabled() || !m.toPhone || !m.body.trim()) return result;
      const original = outboxMessage(o.messaging.db, m.outboxId);
      if (!original) return result;
      queueOutgoing(o.messaging, {
        conversationId: original.conversationId,
        channel: 'sms',
        body: m.body,
        author: original.author,
        // The original message already counted as the clinic's answer (or was automatic): the copy changes nothing.
        automatic: true,
        idempotencyKey: `whatsapp-fallback:${m.idempotencyKey}`,
        meta: { fallbackFor: original.messageId },
      });
      return { ...result, reason: `${result.reason}; sent by SMS instead` };
    },
  };
}
