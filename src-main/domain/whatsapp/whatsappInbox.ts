import { findWhatsAppMessage, updateMessageContent } from '../../db/repositories/whatsappMessages';
import { getMessage } from '../../db/repositories/messages';
import { applyStatus, receiveInbound, type MessagingDeps } from '../messaging/messagingService';
import { toTimelineMessage } from '../messaging/timeline';
import { applyEdit, applyReaction, applyRevoke, type StoredContent } from './messageChanges';
import type { WhatsAppMissedCall, WhatsAppSink } from './whatsappPort';

/**
 * Where the WhatsApp adapter delivers: messages (patients' and those typed on the clinic's phone) into the
 * one inbox, receipts as status changes, edits / deletions / reactions onto the stored message, missed calls
 * into the call log. Stored once per WhatsApp id, whatever the adapter replays.
 */
export function whatsappSink(deps: MessagingDeps, missedCall: (c: WhatsAppMissedCall) => void): WhatsAppSink {
  const change = (providerId: string, fn: (c: StoredContent) => StoredContent | null): void => {
    const row = findWhatsAppMessage(deps.db, providerId);
    if (!row) return; // a message from before the desk was linked: nothing to change
    const next = fn({ body: row.body, meta: row.meta ? (JSON.parse(row.meta) as Record<string, unknown>) : {} });
    if (!next) return;
    updateMessageContent(deps.db, row.id, next.body, next.meta);
    deps.events.emit('message.updated', { conversationId: row.conversation_id, message: toTimelineMessage(getMessage(deps.db, row.id)!) });
  };
  return {
    message: (m) => {
      // A reply shows the text it answers; only WhatsApp's id travels with it, so look it up once here.
      const quoted = m.quotedProviderId ? findWhatsAppMessage(deps.db, m.quotedProviderId) : undefined;
      void receiveInbound(deps, quoted ? { ...m, meta: { ...m.meta, quotedBody: quoted.body.slice(0, 200) } } : m);
    },
    status: (s) => void applyStatus(deps, s),
    edit: (e) => change(e.providerId, (c) => applyEdit(c, e)),
    revoke: (r) => change(r.providerId, (c) => applyRevoke(c, r)),
    reaction: (r) => change(r.targetProviderId, (c) => applyReaction(c, r)),
    missedCall,
    knows: (providerId) => findWhatsAppMessage(deps.db, providerId) !== undefined,
    mediaSettled: (providerId, outcome) =>
      change(providerId, (c) => {
        const { mediaPending: _pending, ...meta } = c.meta;
        return { body: c.body, meta: 'media' in outcome ? { ...meta, media: outcome.media } : { ...meta, mediaError: outcome.error } };
      }),
    sentText: (providerId) => {
      const row = findWhatsAppMessage(deps.db, providerId);
      // Only plain text can be rebuilt; a media message would need its upload keys, which are not kept.
      if (!row || row.direction !== 'out' || row.kind !== 'text') return null;
      const meta = row.meta ? (JSON.parse(row.meta) as { media?: unknown }) : {};
      return meta.media ? null : row.body;
    },
  };
}
