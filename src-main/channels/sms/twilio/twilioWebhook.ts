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

/**
 * As twilio-python's RequestValidator.compute_signature: the URL, then for each parameter name in sorted
 * order each of its distinct values in sorted order as name+value (a repeated key, e.g. Digits=5678&Digits=1234,
 * is signed once per distinct value).
 */
export function twilioSignature(authToken: string, url: string, params: ReadonlyArray<[string, string]>): string {
  const byName = new Map<string, Set<string>>();
  for (const [k, v] of params) byName.set(k, (byName.get(k) ?? new Set()).add(v));
  let data = url;
  for (const name of [...byName.keys()].sort()) for (const value of [...(byName.get(name) as Set<string>)].sort()) data += name + value;
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/**
 * The URL as Twilio may have signed it: twilio-python's and twilio-node's validators accept the signature
 * over the URL without its port and over the URL with the scheme's default port (:443 / :80) added.
 */
export function twilioUrlVariants(url: string): string[] {
  // Split the URL as written (a parsed URL would drop a default port and re-escape the query).
  const m = /^([a-z][a-z0-9+.-]*:)\/\/([^/?#]*)(.*)$/i.exec(url);
  const authority = m ? /^(.*@)?(\[[^\]]+\]|[^:]*)(?::(\d+))?$/.exec(m[2] as string) : null;
  if (!m || !authority) return [url];
  const [scheme, rest] = [(m[1] as string).toLowerCase(), m[3] as string];
  const [user, host, port] = [authority[1] ?? '', authority[2] as string, authority[3]];
  const defaultPort = scheme === 'https:' ? '443' : scheme === 'http:' ? '80' : undefined;
  const without = `${m[1]}//${user}${host}${rest}`;
  const withPort = port !== undefined ? url : defaultPort ? `${m[1]}//${user}${host}:${defaultPort}${rest}` : url;
  return [...new Set([without, withPort])];
}

export function twilioSignatureMatches(authToken: string, signature: string, url: string, params: ReadonlyArray<[string, string]>): boolean {
  return twilioUrlVariants(url).some((variant) => safeEqual(signature, twilioSignature(authToken, variant, params)));
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
  if (!twilioSignatureMatches(o.authToken, signature, req.url, pairs)) {
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
    // A status this desk does not act on (or one Twilio adds later) is acknowledged, not refused: a 4xx only makes Twilio retry.
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
