/**
 * Twilio Programmable Messaging: POST /2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded,
 * HTTP Basic with the Account SID and Auth Token; 201 answers the Message resource (`sid` SM…, `status`).
 * Delivery comes back by StatusCallback or by polling GET …/Messages/{sid}.json.
 *
 * Twilio has no idempotency key on message creation, so when an answer is lost (timeout, connection cut,
 * the desk killed mid-call: the outbox records the attempt before the call, `uncertainSince`) the next
 * attempt first lists recent messages to the same number and takes one with the same text created since.
 */
import type { InboundMessage, OutgoingMessage, SendResult, StatusUpdate } from '../../../domain/messaging/channelPort';
import { basicAuth, classify, httpRequest, parseJson, type HttpDeps } from '../providerHttp';
import type { SmsProvider } from '../smsProvider';
import { twilioDeliveryReason, twilioSendFailure } from './twilioErrors';

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** E.164 number or alphanumeric sender ID; ignored when a Messaging Service is given. */
  from?: string;
  messagingServiceSid?: string;
  /** https://api.twilio.com (a test server in tests). */
  baseUrl: string;
  /** Public URL of the host's /hooks/sms/twilio, when Twilio can reach it. */
  statusCallbackUrl?: string;
}

interface TwilioMessage {
  sid: string;
  status: string;
  direction?: string;
  from?: string;
  to?: string;
  date_sent?: string | null;
  body?: string;
  date_created?: string | null;
  error_code?: number | null;
  error_message?: string | null;
}

const isMessage = (v: unknown): v is TwilioMessage =>
  typeof v === 'object' && v !== null && typeof (v as TwilioMessage).sid === 'string' && typeof (v as TwilioMessage).status === 'string';

const errorBody = (v: unknown): { code: number | null; message: string | null } => {
  const o = (typeof v === 'object' && v !== null ? v : {}) as { code?: unknown; message?: unknown };
  return { code: typeof o.code === 'number' ? o.code : null, message: typeof o.message === 'string' ? o.message : null };
};

/** Twilio message status → desk status; null for the states that say nothing new (queued, sending …). */
export function twilioStatus(status: string, errorCode: string | undefined, at: number, providerId: string): StatusUpdate | null {
  switch (status) {
    case 'sent':
      return { channel: 'sms', providerId, status: 'sent', at };
    case 'delivered':
      return { channel: 'sms', providerId, status: 'delivered', at };
    case 'read':
      return { channel: 'sms', providerId, status: 'read', at };
    case 'failed':
    case 'undelivered':
    case 'canceled':
      return { channel: 'sms', providerId, status: 'failed', reason: twilioDeliveryReason(errorCode, status), at };
    default:
      return null;
  }
}

/** How far back a lost attempt is looked for. */
const LOOKBACK_MS = 24 * 3600_000;

export class TwilioSender implements SmsProvider {
  readonly channel = 'sms' as const;
  readonly provider = 'twilio' as const;
  /** Idempotency keys whose last attempt may have reached Twilio although no answer came back. */
  private readonly uncertain = new Map<string, number>();

  constructor(
    private readonly config: TwilioConfig,
    private readonly deps: HttpDeps,
  ) {}

  private url(path: string): string {
    return `${this.config.baseUrl.replace(/\/$/, '')}/2010-04-01/Accounts/${encodeURIComponent(this.config.accountSid)}${path}`;
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { authorization: basicAuth(this.config.accountSid, this.config.authToken), accept: 'application/json', ...extra };
  }

  async send(m: OutgoingMessage): Promise<SendResult> {
    if (!m.toPhone) return { ok: false, code: 'invalid_number', reason: 'No phone number to send the SMS to', retryable: false };
    if (!this.config.from && !this.config.messagingServiceSid) {
      return { ok: false, code: 'provider_error', reason: "Twilio: no 'From' number or Messaging Service is configured", retryable: false };
    }
    // The outbox persists an uncertain attempt before each call, so this also works after a crash or restart.
    const since = m.uncertainSince ?? this.uncertain.get(m.idempotencyKey);
    if (since !== undefined) {
      const previous = await this.findEarlierAttempt(m.toPhone, m.body, since);
      if (previous) {
        this.uncertain.delete(m.idempotencyKey);
        return { ok: true, providerId: previous };
      }
    }

    const form = new URLSearchParams({ To: m.toPhone, Body: m.body });
    if (this.config.messagingServiceSid) form.set('MessagingServiceSid', this.config.messagingServiceSid);
    else form.set('From', this.config.from!);
    if (this.config.statusCallbackUrl) form.set('StatusCallback', this.config.statusCallbackUrl);

    const startedAt = this.deps.clock.now();
    const outcome = await httpRequest(this.deps, this.url('/Messages.json'), {
      method: 'POST',
      headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded' }),
      body: form.toString(),
    });
    const c = classify(outcome, 'Twilio', this.deps.clock.now());
    if ('failure' in c) {
      // A timeout or a cut connection may still have created the message: look before sending again.
      if (outcome.kind !== 'response' && !this.uncertain.has(m.idempotencyKey)) this.uncertain.set(m.idempotencyKey, startedAt);
      return c.failure;
    }
    const { status, text } = c.response;
    const json = parseJson(text);
    if ((status === 200 || status === 201) && isMessage(json)) {
      this.uncertain.delete(m.idempotencyKey);
      return { ok: true, providerId: json.sid };
    }
    const err = errorBody(json);
    return twilioSendFailure(status, err.code, err.message ?? (json === null ? text.slice(0, 200) : null));
  }

  /** The sid of a message to `to` with this text created since the uncertain attempt began, if any. */
  private async findEarlierAttempt(to: string, body: string, since: number): Promise<string | null> {
    const q = new URLSearchParams({ To: to, PageSize: '20' });
    const outcome = await httpRequest(this.deps, `${this.url('/Messages.json')}?${q.toString()}`, { method: 'GET', headers: this.headers() });
    if (outcome.kind !== 'response' || outcome.status !== 200) return null;
    const list = (parseJson(outcome.text) as { messages?: unknown } | null)?.messages;
    if (!Array.isArray(list)) return null;
    const from = since - 60_000;
    for (const item of list) {
      if (!isMessage(item) || item.body !== body) continue;
      const created = item.date_created ? Date.parse(item.date_created) : NaN;
      if (!Number.isNaN(created) && created >= from && created <= since + LOOKBACK_MS) return item.sid;
    }
    return null;
  }

  async pollStatus(providerId: string): Promise<StatusUpdate | null> {
    const outcome = await httpRequest(this.deps, this.url(`/Messages/${encodeURIComponent(providerId)}.json`), { method: 'GET', headers: this.headers() });
    if (outcome.kind !== 'response' || outcome.status !== 200) return null;
    const json = parseJson(outcome.text);
    if (!isMessage(json)) return null;
    return twilioStatus(json.status, json.error_code ? String(json.error_code) : undefined, this.deps.clock.now(), providerId);
  }

  /**
   * Received SMS by listing the account's messages to the clinic's number (GET Messages.json?To=…&DateSent>=…):
   * the inbound path when Twilio cannot reach the desk. Needs a From number (a Messaging Service has several).
   */
  async pollInbound(since: number): Promise<InboundMessage[]> {
    if (!this.config.from?.startsWith('+')) return [];
    const day = new Date(since).toISOString().slice(0, 10);
    const q = new URLSearchParams({ To: this.config.from, 'DateSent>': day, PageSize: '100' });
    const outcome = await httpRequest(this.deps, `${this.url('/Messages.json')}?${q.toString()}`, { method: 'GET', headers: this.headers() });
    if (outcome.kind !== 'response' || outcome.status !== 200) return [];
    const list = (parseJson(outcome.text) as { messages?: unknown } | null)?.messages;
    if (!Array.isArray(list)) return [];
    const out: InboundMessage[] = [];
    for (const item of list) {
      if (!isMessage(item) || item.direction !== 'inbound' || !item.from?.startsWith('+')) continue;
      const at = Date.parse(item.date_sent ?? item.date_created ?? '');
      if (Number.isNaN(at) || at < since) continue;
      out.push({ channel: 'sms', providerId: item.sid, fromPhone: item.from, body: item.body ?? '', at, kind: 'text', meta: { provider: 'twilio', to: item.to ?? null, polled: true } });
    }
    return out.sort((a, b) => a.at - b.at);
  }
}
