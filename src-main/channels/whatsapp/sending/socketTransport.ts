import { createHash } from 'node:crypto';
import type { AnyMessageContent, proto } from '@whiskeysockets/baileys';
import type { MediaRef, OutgoingMessage, SendResult } from '../../../domain/messaging/channelPort';
import type { Clock } from '../../../domain/shared/clock';
import { statusCodeOf } from '../connection/disconnectReason';
import { isLidJid, jidOfPhone, normalizeJid } from '../jid';
import type { SocketPort } from '../socket/socketPort';
import type { PacedTransport } from './pacedSender';

/** Sends over the current Baileys socket: recipient lookup (cached), typing presence, text and media. */

const KNOWN_TTL_MS = 7 * 24 * 60 * 60_000;
const UNKNOWN_TTL_MS = 24 * 60 * 60_000;

export interface TransportDeps {
  socket: () => SocketPort | null;
  clock: Clock;
  /** Absolute path of a stored media file. */
  mediaPath: (ref: MediaRef) => string;
  /** The content Baileys actually sent (with the uploaded media's keys), for answering retry requests later. */
  onSent?: (providerId: string, message: proto.IMessage | null | undefined) => void;
}

const notConnected: SendResult = { ok: false, code: 'not_connected', reason: 'WhatsApp is not connected', retryable: true };

export function messageContent(m: OutgoingMessage, mediaPath: (ref: MediaRef) => string): AnyMessageContent {
  const media = m.media;
  if (!media) return { text: m.body };
  const url = { url: mediaPath(media) };
  const caption = m.body || undefined;
  if (media.mime.startsWith('image/')) return { image: url, caption, mimetype: media.mime };
  if (media.mime.startsWith('video/')) return { video: url, caption, mimetype: media.mime };
  // Opus in Ogg is what WhatsApp records: send it back as a voice note, anything else as an audio file.
  if (media.mime.startsWith('audio/')) return { audio: url, ptt: media.mime.includes('ogg'), mimetype: media.mime };
  return { document: url, mimetype: media.mime, fileName: media.fileName ?? 'document', caption };
}

/**
 * The WhatsApp message id of an outbox row, the same on every attempt: Baileys' own format ("3EB0" + 18
 * upper-case hex, see generateMessageIDV2) made from our idempotency key instead of random bytes. A resend
 * after a crash carries the id of the first attempt, so the recipient's phone keeps one message.
 */
export const whatsappMessageId = (idempotencyKey: string): string => '3EB0' + createHash('sha256').update(idempotencyKey).digest('hex').toUpperCase().slice(0, 18);

export class SocketTransport implements PacedTransport {
  private readonly lookups = new Map<string, { jid: string | null; at: number }>();

  constructor(private readonly d: TransportDeps) {}

  async resolve(m: OutgoingMessage): Promise<{ ok: true; jid: string } | { ok: false; result: SendResult }> {
    const given = normalizeJid(m.whatsappJid);
    if (given && (isLidJid(given) || !m.toPhone)) return { ok: true, jid: given };
    if (!m.toPhone) return { ok: false, result: { ok: false, code: 'invalid_number', reason: 'No phone number or WhatsApp id', retryable: false } };
    const sock = this.d.socket();
    if (!sock) return { ok: false, result: notConnected };
    const cached = this.lookups.get(m.toPhone);
    const now = this.d.clock.now();
    let jid: string | null;
    if (cached && now - cached.at < (cached.jid ? KNOWN_TTL_MS : UNKNOWN_TTL_MS)) {
      jid = cached.jid;
    } else {
      try {
        const found = await sock.onWhatsApp(jidOfPhone(m.toPhone));
        jid = normalizeJid(found?.find((r) => r.exists)?.jid);
      } catch (err) {
        return { ok: false, result: this.failure(err) };
      }
      this.lookups.set(m.toPhone, { jid, at: now });
    }
    if (!jid) {
      return { ok: false, result: { ok: false, code: 'not_on_whatsapp', reason: `${m.toPhone} is not on WhatsApp`, retryable: false } };
    }
    return { ok: true, jid };
  }

  async typing(jid: string, on: boolean): Promise<void> {
    const sock = this.d.socket();
    if (!sock) return;
    if (on) await sock.presenceSubscribe(jid);
    await sock.sendPresenceUpdate(on ? 'composing' : 'paused', jid);
  }

  async deliver(m: OutgoingMessage, jid: string): Promise<SendResult> {
    const sock = this.d.socket();
    if (!sock) return notConnected;
    let content: AnyMessageContent;
    try {
      content = messageContent(m, this.d.mediaPath);
    } catch (err) {
      return { ok: false, code: 'provider_error', reason: `Attachment cannot be read: ${(err as Error).message}`, retryable: false };
    }
    try {
      const sent = await sock.sendMessage(jid, content, { messageId: whatsappMessageId(m.idempotencyKey) });
      const id = sent?.key.id;
      if (!id) return { ok: false, code: 'provider_error', reason: 'WhatsApp returned no message id', retryable: true };
      this.d.onSent?.(id, sent.message);
      return { ok: true, providerId: id };
    } catch (err) {
      return this.failure(err);
    }
  }

  private failure(err: unknown): SendResult {
    const code = statusCodeOf(err);
    const reason = (err as Error)?.message || 'WhatsApp error';
    if (code === 428 || code === 408 || /connection closed/i.test(reason)) return notConnected;
    if (code === 403) return { ok: false, code: 'blocked', reason: `WhatsApp refused the message: ${reason}`, retryable: false };
    if (code === 429) return { ok: false, code: 'rate_limited', reason: 'WhatsApp asked to slow down', retryable: true, retryAt: this.d.clock.now() + 15 * 60_000 };
    return { ok: false, code: 'provider_error', reason, retryable: true };
  }
}
