import type { proto } from '@whiskeysockets/baileys';
import type { InboundMessage } from '../../../domain/messaging/channelPort';

/**
 * What a WhatsApp message says, read from its protobuf content. Wrappers (ephemeral, view-once,
 * document-with-caption, edited) are unwrapped first, the way Baileys' normalizeMessageContent does.
 */

/** proto.Message.ProtocolMessage.Type values we act on (checked against Baileys' proto in tests). */
export const PROTOCOL_REVOKE = 0;
export const PROTOCOL_MESSAGE_EDIT = 14;

export type ContentKind = NonNullable<InboundMessage['kind']>;

export interface MediaHint {
  mime: string;
  fileName: string | null;
  size: number | null;
}

export type Content =
  | { type: 'message'; kind: ContentKind; body: string; media: MediaHint | null; quotedId: string | null; meta: Record<string, unknown> }
  | { type: 'reaction'; targetId: string; emoji: string | null }
  | { type: 'edit'; targetId: string; body: string; atMs: number | null }
  | { type: 'revoke'; targetId: string }
  | { type: 'ignore'; why: string };

export function unwrapContent(content: proto.IMessage | null | undefined): proto.IMessage | undefined {
  let c = content ?? undefined;
  for (let i = 0; i < 5 && c; i++) {
    const inner =
      c.ephemeralMessage ?? c.viewOnceMessage ?? c.viewOnceMessageV2 ?? c.viewOnceMessageV2Extension ?? c.documentWithCaptionMessage ?? c.editedMessage;
    if (!inner?.message) break;
    c = inner.message;
  }
  return c;
}

/** protobufjs gives 64-bit fields as number or Long; both become a plain number. */
export function toNumber(v: number | { low: number; high: number; unsigned?: boolean } | string | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return Number.isFinite(Number(v)) ? Number(v) : null;
  const low = v.low >>> 0;
  return v.high * 4294967296 + low;
}

/** Plain text of a message body, or null if the content carries none. */
export function textOf(c: proto.IMessage | undefined): string | null {
  if (!c) return null;
  return c.conversation ?? c.extendedTextMessage?.text ?? c.imageMessage?.caption ?? c.videoMessage?.caption ?? c.documentMessage?.caption ?? null;
}

/** The reply context of a message (which message it answers, with a copy of that message's content). */
function contextOf(c: proto.IMessage): proto.IContextInfo | null {
  return (
    c.extendedTextMessage?.contextInfo ??
    c.imageMessage?.contextInfo ??
    c.videoMessage?.contextInfo ??
    c.audioMessage?.contextInfo ??
    c.documentMessage?.contextInfo ??
    c.locationMessage?.contextInfo ??
    c.contactMessage?.contextInfo ??
    c.stickerMessage?.contextInfo ??
    null
  );
}

/** Text of the message a reply quotes, as WhatsApp copies it into the reply (null when it has none). */
export function quotedTextOf(c: proto.IMessage | null | undefined): string | null {
  const q = c ? contextOf(c)?.quotedMessage : null;
  return q ? textOf(q) : null;
}

function mediaHint(m: { mimetype?: string | null; fileLength?: unknown; fileName?: string | null }, fallbackMime: string): MediaHint {
  return {
    mime: m.mimetype ?? fallbackMime,
    fileName: m.fileName ?? null,
    size: toNumber(m.fileLength as Parameters<typeof toNumber>[0]),
  };
}

/** Phone numbers in a vCard ("TEL;type=CELL;waid=48601234567:+48 601 234 567"). */
export function vcardPhones(vcard: string | null | undefined): string[] {
  if (!vcard) return [];
  const phones: string[] = [];
  for (const line of vcard.split(/\r?\n/)) {
    if (!/^(item\d+\.)?TEL/i.test(line)) continue;
    const waid = /waid=(\d+)/i.exec(line)?.[1];
    const value = line.slice(line.indexOf(':') + 1).trim();
    const phone = waid ? `+${waid}` : value;
    if (phone) phones.push(phone);
  }
  return phones;
}

function message(kind: ContentKind, body: string, quotedId: string | null, extra: Partial<{ media: MediaHint; meta: Record<string, unknown> }> = {}): Content {
  return { type: 'message', kind, body, media: extra.media ?? null, quotedId, meta: extra.meta ?? {} };
}

/** Content keys that carry no words for the clinic (key distribution, poll votes, pins). */
const TECHNICAL = new Set(['messageContextInfo', 'senderKeyDistributionMessage', 'pollUpdateMessage', 'keepInChatMessage', 'pinInChatMessage', 'encReactionMessage']);

export function readContent(raw: proto.IMessage | null | undefined): Content {
  const c = unwrapContent(raw);
  if (!c) return { type: 'ignore', why: 'no content' };

  const p = c.protocolMessage;
  if (p) {
    const targetId = p.key?.id;
    if (p.type === PROTOCOL_REVOKE && targetId) return { type: 'revoke', targetId };
    if (p.type === PROTOCOL_MESSAGE_EDIT && targetId) {
      const body = textOf(unwrapContent(p.editedMessage)) ?? '';
      return { type: 'edit', targetId, body, atMs: toNumber(p.timestampMs as Parameters<typeof toNumber>[0]) };
    }
    return { type: 'ignore', why: `protocol message ${p.type ?? 'unknown'}` };
  }
  if (c.reactionMessage) {
    const targetId = c.reactionMessage.key?.id;
    if (!targetId) return { type: 'ignore', why: 'reaction without target' };
    return { type: 'reaction', targetId, emoji: c.reactionMessage.text ? c.reactionMessage.text : null };
  }

  const ctx = contextOf(c);
  const quotedId = ctx?.stanzaId ?? null;

  if (c.conversation != null) return message('text', c.conversation, quotedId);
  if (c.extendedTextMessage) return message('text', c.extendedTextMessage.text ?? '', quotedId);
  if (c.imageMessage) return message('image', c.imageMessage.caption ?? '', quotedId, { media: mediaHint(c.imageMessage, 'image/jpeg') });
  if (c.videoMessage) return message('video', c.videoMessage.caption ?? '', quotedId, { media: mediaHint(c.videoMessage, 'video/mp4') });
  if (c.documentMessage) {
    const d = c.documentMessage;
    return message('document', d.caption ?? '', quotedId, { media: mediaHint({ ...d, fileName: d.fileName ?? d.title ?? null }, 'application/octet-stream') });
  }
  if (c.audioMessage) {
    const a = c.audioMessage;
    return message('audio', '', quotedId, { media: mediaHint(a, 'audio/ogg; codecs=opus'), meta: { voiceNote: a.ptt === true, seconds: a.seconds ?? null } });
  }
  if (c.stickerMessage) return message('sticker', '', quotedId, { media: mediaHint(c.stickerMessage, 'image/webp') });
  const loc = c.locationMessage ?? c.liveLocationMessage;
  if (loc) {
    const lat = loc.degreesLatitude ?? 0;
    const lng = loc.degreesLongitude ?? 0;
    const named = 'name' in loc ? [loc.name, loc.address].filter(Boolean).join(', ') : '';
    return message('location', named || `${lat.toFixed(6)}, ${lng.toFixed(6)}`, quotedId, {
      meta: { location: { lat, lng, name: 'name' in loc ? (loc.name ?? null) : null, live: !!c.liveLocationMessage } },
    });
  }
  const cards = c.contactMessage ? [c.contactMessage] : (c.contactsArrayMessage?.contacts ?? []);
  if (cards.length > 0) {
    const contacts = cards.map((k) => ({ name: k.displayName ?? '', phones: vcardPhones(k.vcard) }));
    const body = contacts.map((k) => [k.name, ...k.phones].filter(Boolean).join(' ')).join('\n');
    return message('contact', body, quotedId, { meta: { contacts } });
  }
  // Keep what we cannot render (polls, events, products…): a patient's message is never dropped.
  const type = Object.keys(c).find((k) => !TECHNICAL.has(k) && (c as Record<string, unknown>)[k] != null);
  if (!type) return { type: 'ignore', why: 'technical message' };
  return message('text', textOf(c) ?? '', quotedId, { meta: { unsupported: type } });
}
