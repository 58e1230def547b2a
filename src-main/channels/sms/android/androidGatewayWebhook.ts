/**
 * Webhooks of SMS Gateway for Android: JSON `{deviceId, event, id, payload, webhookId}` signed with the
 * app's signing key — `X-Signature` is hex HMAC-SHA256 of the raw body followed by the `X-Timestamp`
 * value (Unix seconds). Events: sms:received (inbound), sms:sent / sms:delivered / sms:failed (status),
 * system:ping (liveness).
 */
import { createHmac } from 'node:crypto';
import type { InboundMessage, StatusUpdate } from '../../../domain/messaging/channelPort';
import { toE164, type Region } from '../../../domain/patients/phone';
import { rejectWebhook, type WebhookRequest, type WebhookResult } from '../smsProvider';
import { safeEqual } from '../webhookAuth';

/** Signed requests older or newer than this are refused, so a captured request cannot be replayed later. */
export const ANDROID_SIGNATURE_TOLERANCE_MS = 5 * 60_000;

export const androidSignature = (signingKey: string, rawBody: string, timestamp: string): string =>
  createHmac('sha256', signingKey).update(rawBody + timestamp).digest('hex');

export interface AndroidWebhookOptions {
  signingKey: string;
  /** The clinic's country, for numbers the phone reports in national format. */
  region: Region;
  now: number;
}

const NOTHING = { contentType: 'application/json', body: '{"ok":true}' };

const str = (o: Record<string, unknown>, key: string): string | null => (typeof o[key] === 'string' ? (o[key] as string) : null);

function timeOf(payload: Record<string, unknown>, key: string): number | null {
  const raw = str(payload, key);
  if (raw === null) return null;
  const t = Date.parse(raw);
  return Number.isNaN(t) ? null : t;
}

export function parseAndroidWebhook(req: WebhookRequest, o: AndroidWebhookOptions): WebhookResult {
  if (req.method !== 'POST') return rejectWebhook(405, `method ${req.method} is not accepted`);
  const signature = req.headers['x-signature'];
  const timestamp = req.headers['x-timestamp'];
  if (!o.signingKey) return rejectWebhook(401, 'no signing key is configured for the Android gateway, so no webhook can be trusted');
  if (!signature || !timestamp) return rejectWebhook(401, 'X-Signature or X-Timestamp header is missing');
  if (!/^\d+$/.test(timestamp) || Math.abs(Number(timestamp) * 1000 - o.now) > ANDROID_SIGNATURE_TOLERANCE_MS) {
    return rejectWebhook(401, 'X-Timestamp is not within 5 minutes of now (check the phone clock)');
  }
  if (!safeEqual(signature.toLowerCase(), androidSignature(o.signingKey, req.rawBody, timestamp))) {
    return rejectWebhook(401, 'X-Signature does not match the signing key');
  }

  let body: unknown;
  try {
    body = JSON.parse(req.rawBody);
  } catch {
    return rejectWebhook(400, 'body is not JSON');
  }
  if (typeof body !== 'object' || body === null) return rejectWebhook(400, 'body is not a JSON object');
  const envelope = body as Record<string, unknown>;
  const event = str(envelope, 'event');
  const payload = envelope.payload;
  if (!event) return rejectWebhook(400, 'event is missing');
  if (event === 'system:ping' || event === 'app:started') return { ok: true, inbound: [], statuses: [], reply: NOTHING };
  if (typeof payload !== 'object' || payload === null) return rejectWebhook(400, 'payload is missing');
  const p = payload as Record<string, unknown>;

  if (event === 'sms:received') return received(p, o.region);
  const status = STATUS_EVENTS[event];
  // Other events (sms:data-received, mms:received, …) are acknowledged and left alone: the app retries any
  // non-2xx answer, up to 15 times, for an event the desk will never use.
  if (!status) return { ok: true, inbound: [], statuses: [], reply: NOTHING, notes: [`event "${event}" ignored`] };
  const messageId = str(p, 'messageId');
  if (!messageId) return rejectWebhook(400, 'payload.messageId is missing');
  const at = timeOf(p, status.timeField);
  if (at === null) return rejectWebhook(400, `payload.${status.timeField} is missing or not a date`);
  const update: StatusUpdate = {
    channel: 'sms',
    providerId: messageId,
    status: status.status,
    at,
    reason: status.status === 'failed' ? (str(p, 'reason') ?? str(p, 'error') ?? 'The phone could not send the SMS') : null,
  };
  return { ok: true, inbound: [], statuses: [update], reply: NOTHING };
}

const STATUS_EVENTS: Readonly<Record<string, { status: StatusUpdate['status']; timeField: string }>> = {
  'sms:sent': { status: 'sent', timeField: 'sentAt' },
  'sms:delivered': { status: 'delivered', timeField: 'deliveredAt' },
  'sms:failed': { status: 'failed', timeField: 'failedAt' },
};

function received(p: Record<string, unknown>, region: Region): WebhookResult {
  const messageId = str(p, 'messageId');
  const text = str(p, 'message');
  const rawPhone = str(p, 'phoneNumber') ?? str(p, 'sender');
  const at = timeOf(p, 'receivedAt');
  if (!messageId) return rejectWebhook(400, 'payload.messageId is missing');
  if (text === null) return rejectWebhook(400, 'payload.message is missing');
  if (at === null) return rejectWebhook(400, 'payload.receivedAt is missing or not a date');
  const fromPhone = rawPhone ? toE164(rawPhone, region) : null;
  if (!fromPhone) return rejectWebhook(422, `payload.phoneNumber "${rawPhone ?? ''}" is not a phone number (a short code or operator name cannot be answered)`);
  const message: InboundMessage = {
    channel: 'sms',
    // The app derives messageId from the content, so the same text sent twice by a patient shares it; the time tells them apart.
    providerId: `${messageId}@${at}`,
    fromPhone,
    body: text,
    at,
    kind: 'text',
    meta: { provider: 'android', simNumber: p.simNumber ?? null },
  };
  return { ok: true, inbound: [message], statuses: [], reply: NOTHING };
}
