/**
 * Twilio webhooks: incoming SMS (`MessageSid`, `From`, `To`, `Body`, `NumMedia` …) and status callbacks
 * (`MessageSid`, `MessageStatus`, `ErrorCode`), both form-encoded POSTs signed in `X-Twilio-Signature`:
 * base64 HMAC-SHA1, keyed with the Auth Token, of the full URL Twilio called followed by every POST
 * parameter as name+value sorted by name. Twilio expects a TwiML document back.
 */
import { createHmac } from 'node:crypto';
import type { InboundMessage } from '../../../domain/messaging/channelPort';
import { toE164, type Region } from '../../../domain/patients/phone';
import { rejectWebhook, type WebhookRequest, type WebhookResult } from '../smsProvider';
import { formPairs, safeEqual } from '../webhookAuth';
import { twilioStatus } from './twilioSender';

export function twilioSignature(authToken: string, url: string, params: ReadonlyArray<[string, string]>): string {
  const sorted = [...params].sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const data = url + sorted.map(([k, v]) => k + v).join('');
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

export interface TwilioWebhookOptions {
  accountSid: string;
  authToken: string;
  /** The clinic's country, for numbers without a country code. */
  region: Region;
  now: number;
}

const EMPTY_TWIML = { contentType: 'text/xml; charset=utf-8', body: '<?xml version="1.0" encoding="UTF-8"?><Response></Response>' };

/** Message SIDs: SM (SMS) or MM (MMS) followed by 32 hex digits. */
const SID = /^(SM|MM)[0-9a-fA-F]{32}$/;

export function parseTwilioWebhook(req: WebhookRequest, o: TwilioWebhookOptions): WebhookResult {
  if (req.method !== 'POST') return rejectWebhook(405, `method ${req.method} is not accepted (Twilio posts its webhooks)`);
  if (!o.authToken) return rejectWebhook(401, 'no Twilio Auth Token is configured, so no webhook can be trusted');
  const signature = req.headers['x-twilio-signature'];
  if (!signature) return rejectWebhook(401, 'X-Twilio-Signature header is missing');
  const ct = req.headers['content-type'] ?? '';
  if (!ct.includes('application/x-www-form-urlencoded')) return rejectWebhook(415, `content type "${ct}" is not a Twilio form post`);
  const pairs = formPairs(req.rawBody);
  if (!safeEqual(signature, twilioSignature(o.authToken, req.url, pairs))) {
    return rejectWebhook(401, 'X-Twilio-Signature does not match the Auth Token and this URL');
  }

  const p = Object.fromEntries(pairs);
  if (!p.AccountSid) return rejectWebhook(400, 'AccountSid is missing: not a Twilio webhook');
  if (p.AccountSid !== o.accountSid) return rejectWebhook(422, `AccountSid "${p.AccountSid ?? ''}" is not the configured account`);
  const sid = p.MessageSid ?? p.SmsSid;
  if (!sid || !SID.test(sid)) return rejectWebhook(400, `MessageSid "${sid ?? ''}" is missing or not a Twilio message id`);

  const status = p.MessageStatus ?? p.SmsStatus;
  if (status !== undefined && status !== 'received' && status !== 'receiving') {
    const update = twilioStatus(status, p.ErrorCode || undefined, o.now, sid);
    const known = ['accepted', 'scheduled', 'queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'undelivered', 'canceled'];
    if (!known.includes(status)) return rejectWebhook(400, `MessageStatus "${status}" is not a Twilio message status`);
    return { ok: true, inbound: [], statuses: update ? [update] : [], reply: EMPTY_TWIML };
  }

  if (p.Body === undefined) return rejectWebhook(400, 'Body is missing');
  const fromPhone = p.From ? toE164(p.From, o.region) : null;
  if (!fromPhone) return rejectWebhook(422, `From "${p.From ?? ''}" is not a phone number the desk can answer`);
  const message: InboundMessage = {
    channel: 'sms',
    providerId: sid,
    fromPhone,
    body: p.Body,
    at: o.now,
    kind: 'text',
    meta: { provider: 'twilio', to: p.To ?? null, segments: p.NumSegments ? Number(p.NumSegments) : null },
  };
  return { ok: true, inbound: [message], statuses: [], reply: EMPTY_TWIML };
}
