import type { MessageUserReceiptUpdate, WAMessageUpdate } from '@whiskeysockets/baileys';
import type { StatusUpdate } from '../../../domain/messaging/channelPort';
import type { WhatsAppEdit, WhatsAppRevoke } from '../../../domain/whatsapp/whatsappPort';
import { isBroadcastJid } from '../jid';
import { textOf, toNumber, unwrapContent } from './messageContent';

/**
 * Receipts, edits and deletions as Baileys reports them after processing (`messages.update`,
 * `message-receipt.update`). Only receipts on the clinic's own messages change a delivery state.
 */

/** proto.WebMessageInfo.Status → our delivery state (PENDING carries no news). */
const STATUS_BY_CODE: Record<number, StatusUpdate['status'] | undefined> = {
  0: 'failed',
  2: 'sent',
  3: 'delivered',
  4: 'read',
  5: 'read',
};
/** proto.WebMessageInfo.StubType.REVOKE */
const STUB_REVOKE = 1;

export type MappedUpdate = { type: 'status'; status: StatusUpdate } | { type: 'edit'; edit: WhatsAppEdit } | { type: 'revoke'; revoke: WhatsAppRevoke };

export function mapMessageUpdate(u: WAMessageUpdate, now: number): MappedUpdate | null {
  const id = u.key.id;
  if (!id || isBroadcastJid(u.key.remoteJid)) return null;
  const fromClinic = u.key.fromMe === true;
  const seconds = toNumber(u.update.messageTimestamp as Parameters<typeof toNumber>[0]);
  const at = seconds ? seconds * 1000 : now;

  if (u.update.messageStubType === STUB_REVOKE) {
    return { type: 'revoke', revoke: { providerId: id, at, fromClinic } };
  }
  const edited = u.update.message?.editedMessage?.message;
  if (edited) {
    const inner = unwrapContent(edited);
    const body = textOf(inner?.protocolMessage?.editedMessage ? unwrapContent(inner.protocolMessage.editedMessage) : inner);
    if (body !== null) return { type: 'edit', edit: { providerId: id, body, at, fromClinic } };
  }
  const code = u.update.status;
  if (typeof code === 'number' && fromClinic) {
    const status = STATUS_BY_CODE[code];
    if (status) return { type: 'status', status: { channel: 'whatsapp', providerId: id, status, at, ...(status === 'failed' ? { reason: 'WhatsApp rejected the message' } : {}) } };
  }
  return null;
}

/** Per-recipient receipts (groups): the furthest state reached wins. */
export function mapReceipt(r: MessageUserReceiptUpdate): StatusUpdate | null {
  const id = r.key.id;
  if (!id || r.key.fromMe !== true) return null;
  const read = toNumber(r.receipt.readTimestamp as Parameters<typeof toNumber>[0]) ?? toNumber(r.receipt.playedTimestamp as Parameters<typeof toNumber>[0]);
  if (read) return { channel: 'whatsapp', providerId: id, status: 'read', at: read * 1000 };
  const delivered = toNumber(r.receipt.receiptTimestamp as Parameters<typeof toNumber>[0]);
  if (delivered) return { channel: 'whatsapp', providerId: id, status: 'delivered', at: delivered * 1000 };
  return null;
}
