/**
 * SMS Gateway for Android (capcom6 / sms-gate.app) in Local Server mode: the clinic's spare phone
 * answers on the LAN (`http://<phone-ip>:8080`) with Basic auth. POST /messages queues an SMS under an id
 * we choose; GET /messages/{id} tells its state (the app serves the same routes under the older /message,
 * localserver/WebService.kt). GET /inbox lists received SMS: the app only posts webhooks to `https://` or
 * `http://127.0.0.1` (webhooks/WebHooksService.kt), so on a LAN desk the inbox is polled instead.
 */
import { createHash } from 'node:crypto';
import type { InboundMessage, OutgoingMessage, SendResult, StatusUpdate } from '../../../domain/messaging/channelPort';
import { toE164, type Region } from '../../../domain/patients/phone';
import { basicAuth, classify, httpRequest, parseJson, type HttpDeps, type SendFailure, type VendorResponse } from '../providerHttp';
import type { SmsProvider } from '../smsProvider';

export interface AndroidGatewayConfig {
  /** e.g. http://192.168.1.50:8080 */
  baseUrl: string;
  username: string;
  password: string;
  /** 1-based SIM slot; empty uses the phone's default SIM. */
  simNumber?: number | null;
  /** The clinic's country, for senders the phone reports in national format. */
  region?: Region;
  /** 'webhook': the phone posts to the desk, so the desk does not poll it (domain/sms/androidInboundMode.ts). */
  inboundMode?: 'polling' | 'webhook';
}

/** One entry of GET /inbox (localserver/routes/InboxRoutes.kt `InboxMessage`). */
interface InboxEntry {
  id: string;
  type: string;
  sender: string;
  contentPreview: string;
  createdAt: string;
  simNumber?: number | null;
}

const isInboxEntry = (v: unknown): v is InboxEntry =>
  typeof v === 'object' && v !== null && typeof (v as InboxEntry).id === 'string' && typeof (v as InboxEntry).sender === 'string' && typeof (v as InboxEntry).createdAt === 'string';

/**
 * The webhook's `messageId` for an inbox entry: the app stores a text SMS as "text:" + hashCode() (decimal,
 * incoming/IncomingMessagesService.kt buildId) and sends hashCode().toUInt().toString(16) in the webhook
 * (receiver/ReceiverService.kt), so both paths give the same provider id and a message is stored once.
 */
export function webhookIdOfInboxId(id: string): string | null {
  const m = /^text:(-?\d+)$/.exec(id);
  return m ? (Number(m[1]) >>> 0).toString(16) : null;
}

/** Our id for the message on the phone: stable per idempotency key, so a retry finds the first attempt. */
export const androidMessageId = (idempotencyKey: string): string => createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);

type GatewayState = 'Pending' | 'Processed' | 'Sent' | 'Delivered' | 'Failed';

interface MessageState {
  id: string;
  state: GatewayState;
  recipients?: Array<{ phoneNumber: string; state: GatewayState; error?: string | null }>;
}

const isMessageState = (v: unknown): v is MessageState =>
  typeof v === 'object' && v !== null && typeof (v as MessageState).id === 'string' && typeof (v as MessageState).state === 'string';

const VENDOR = 'The Android SMS gateway';

export class AndroidGatewaySender implements SmsProvider {
  readonly channel = 'sms' as const;
  readonly provider = 'android' as const;
  readonly polls: boolean;

  constructor(
    private readonly config: AndroidGatewayConfig,
    private readonly deps: HttpDeps,
  ) {
    this.polls = config.inboundMode !== 'webhook';
  }

  private url(path: string): string {
    return `${this.config.baseUrl.replace(/\/$/, '')}${path}`;
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ failure: SendFailure } | { response: VendorResponse }> {
    const outcome = await httpRequest(this.deps, this.url(path), {
      method,
      headers: {
        authorization: basicAuth(this.config.username, this.config.password),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const c = classify(outcome, VENDOR, this.deps.clock.now());
    if ('failure' in c && c.failure.code === 'network') {
      // The usual cause on a LAN: the phone left Wi-Fi, changed IP, or the app's local server is off.
      return { failure: { ...c.failure, code: 'not_connected', reason: `${c.failure.reason} — is the phone on the clinic Wi-Fi with Local Server started?` } };
    }
    if ('response' in c && c.response.status === 401) {
      return { failure: { ok: false, code: 'auth_failed', reason: `${VENDOR} refused the user name or password`, retryable: false } };
    }
    return c;
  }

  async send(m: OutgoingMessage): Promise<SendResult> {
    if (!m.toPhone) return { ok: false, code: 'invalid_number', reason: 'No phone number to send the SMS to', retryable: false };
    const id = androidMessageId(m.idempotencyKey);

    // A previous attempt may have reached the phone although its answer was lost: never queue it twice.
    const existing = await this.call('GET', `/messages/${id}`);
    if ('failure' in existing) return existing.failure;
    if (existing.response.status === 200 && isMessageState(parseJson(existing.response.text))) return { ok: true, providerId: id };

    const c = await this.call('POST', '/messages', {
      id,
      message: m.body,
      phoneNumbers: [m.toPhone],
      withDeliveryReport: true,
      ...(this.config.simNumber ? { simNumber: this.config.simNumber } : {}),
    });
    if ('failure' in c) return c.failure;
    const { status, text } = c.response;
    const json = parseJson(text);
    if (status >= 200 && status < 300 && isMessageState(json)) return { ok: true, providerId: json.id };
    if (status === 409) return { ok: true, providerId: id };
    const vendorMessage = typeof (json as { message?: unknown } | null)?.message === 'string' ? (json as { message: string }).message : text.slice(0, 200);
    if (status === 400 && /phone/i.test(vendorMessage)) {
      return { ok: false, code: 'invalid_number', reason: `${VENDOR}: ${vendorMessage}`, retryable: false };
    }
    return { ok: false, code: 'provider_error', reason: `${VENDOR} answered HTTP ${status}: ${vendorMessage}`, retryable: false };
  }

  async pollStatus(providerId: string): Promise<StatusUpdate | null> {
    const c = await this.call('GET', `/messages/${encodeURIComponent(providerId)}`);
    if ('failure' in c || c.response.status !== 200) return null;
    const json = parseJson(c.response.text);
    if (!isMessageState(json)) return null;
    const at = this.deps.clock.now();
    switch (json.state) {
      case 'Sent':
        return { channel: 'sms', providerId, status: 'sent', at };
      case 'Delivered':
        return { channel: 'sms', providerId, status: 'delivered', at };
      case 'Failed':
        return { channel: 'sms', providerId, status: 'failed', reason: json.recipients?.find((r) => r.error)?.error ?? 'The phone could not send the SMS', at };
      default:
        return null;
    }
  }

  async pollInbound(since: number): Promise<InboundMessage[]> {
    const c = await this.call('GET', `/inbox?type=SMS&limit=500&from=${encodeURIComponent(new Date(since).toISOString())}`);
    if ('failure' in c || c.response.status !== 200) return [];
    const list = parseJson(c.response.text);
    if (!Array.isArray(list)) return [];
    const out: InboundMessage[] = [];
    for (const entry of list) {
      if (!isInboxEntry(entry)) continue;
      const hex = webhookIdOfInboxId(entry.id);
      const at = Date.parse(entry.createdAt);
      const fromPhone = toE164(entry.sender, this.config.region ?? 'IT');
      if (!hex || Number.isNaN(at) || !fromPhone) continue;
      // Same provider id as the sms:received webhook (androidGatewayWebhook.ts): `${messageId}@${receivedAt}`.
      out.push({ channel: 'sms', providerId: `${hex}@${at}`, fromPhone, body: entry.contentPreview, at, kind: 'text', meta: { provider: 'android', simNumber: entry.simNumber ?? null } });
    }
    return out;
  }
}
