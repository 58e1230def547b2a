import type { WAMessage, WAMessageKey } from '@whiskeysockets/baileys';
import type { InboundMessage } from '../../../domain/messaging/channelPort';
import type { WhatsAppEdit, WhatsAppReaction, WhatsAppRevoke } from '../../../domain/whatsapp/whatsappPort';
import { isBroadcastJid, isGroupJid, isLidJid, isPnJid, normalizeJid, phoneOfJid } from '../jid';
import { quotedTextOf, readContent, toNumber, type MediaHint } from './messageContent';

/** Turns one Baileys WAMessage into what the domain stores. Pure: LID lookups are passed in. */

export interface MapOptions {
  /** Group chats are not conversations with a patient; off unless the clinic turns them on. */
  includeGroups: boolean;
  /** PN jid known for a LID (from Baileys' LID mapping store), looked up by the adapter beforehand. */
  pnForLid: (lid: string) => string | null;
  /** Used when a message carries no timestamp. */
  now: number;
}

export type Mapped =
  | { type: 'message'; message: InboundMessage; media: MediaHint | null }
  | { type: 'edit'; edit: WhatsAppEdit }
  | { type: 'revoke'; revoke: WhatsAppRevoke }
  | { type: 'reaction'; reaction: WhatsAppReaction }
  | { type: 'skip'; why: string };

export interface Counterpart {
  /** The identity stored for the patient: their PN jid when known, else their LID. */
  jid: string;
  phone: string | null;
  lid: string | null;
}

/** The patient side of a chat. In a 1:1 chat that is the chat itself, whichever way the message went. */
export function counterpartOf(key: WAMessageKey, opts: Pick<MapOptions, 'pnForLid'>): Counterpart | null {
  const group = isGroupJid(key.remoteJid);
  const primary = normalizeJid(group ? key.participant : key.remoteJid);
  const alt = normalizeJid(group ? key.participantAlt : key.remoteJidAlt);
  if (!primary) return null;
  const lid = isLidJid(primary) ? primary : isLidJid(alt) ? alt : null;
  const pnJid = isPnJid(primary) ? primary : isPnJid(alt) ? alt : lid ? normalizeJid(opts.pnForLid(lid)) : null;
  const phone = phoneOfJid(pnJid);
  return { jid: phone && pnJid ? pnJid : (lid ?? primary), phone, lid };
}

/** Lists the LIDs a batch needs resolved, so the adapter can ask Baileys once before mapping. */
export function lidsToResolve(keys: readonly WAMessageKey[]): string[] {
  const lids = new Set<string>();
  for (const key of keys) {
    const group = isGroupJid(key.remoteJid);
    const primary = normalizeJid(group ? key.participant : key.remoteJid);
    const alt = normalizeJid(group ? key.participantAlt : key.remoteJidAlt);
    if (isLidJid(primary) && !isPnJid(alt)) lids.add(primary!);
  }
  return [...lids];
}

export function mapMessage(msg: WAMessage, opts: MapOptions): Mapped {
  const key = msg.key;
  const id = key.id;
  if (!id || !key.remoteJid) return { type: 'skip', why: 'no id or chat' };
  if (isBroadcastJid(key.remoteJid)) return { type: 'skip', why: 'status or broadcast' };
  if (isGroupJid(key.remoteJid) && !opts.includeGroups) return { type: 'skip', why: 'group chat' };
  // A message without content is a decryption placeholder; the real one follows under the same id.
  if (!msg.message) return { type: 'skip', why: msg.messageStubType ? `stub ${msg.messageStubType}` : 'no content' };

  const who = counterpartOf(key, opts);
  if (!who) return { type: 'skip', why: 'unknown sender' };
  const fromClinic = key.fromMe === true;
  const seconds = toNumber(msg.messageTimestamp as Parameters<typeof toNumber>[0]);
  const at = seconds ? seconds * 1000 : opts.now;
  const content = readContent(msg.message);

  switch (content.type) {
    case 'ignore':
      return { type: 'skip', why: content.why };
    case 'revoke':
      return { type: 'revoke', revoke: { providerId: content.targetId, at, fromClinic } };
    case 'edit':
      return { type: 'edit', edit: { providerId: content.targetId, body: content.body, at: content.atMs ?? at, fromClinic } };
    case 'reaction':
      return {
        type: 'reaction',
        reaction: { providerId: id, targetProviderId: content.targetId, emoji: content.emoji, fromPhone: who.phone, fromWhatsappJid: who.jid, fromClinic, at },
      };
    case 'message': {
      const meta: Record<string, unknown> = { ...content.meta };
      const quotedText = content.quotedId ? quotedTextOf(msg.message) : null;
      if (quotedText) meta.quotedBody = quotedText.slice(0, 200);
      if (who.lid) meta.lid = who.lid;
      if (isGroupJid(key.remoteJid)) meta.groupJid = key.remoteJid;
      return {
        type: 'message',
        media: content.media,
        message: {
          channel: 'whatsapp',
          providerId: id,
          fromPhone: who.phone,
          fromWhatsappJid: who.jid,
          // On the clinic's own messages pushName is the clinic's name, not the patient's.
          pushName: fromClinic ? null : (msg.pushName ?? null),
          body: content.body,
          at,
          kind: content.kind,
          fromClinic,
          quotedProviderId: content.quotedId,
          meta,
        },
      };
    }
  }
}
