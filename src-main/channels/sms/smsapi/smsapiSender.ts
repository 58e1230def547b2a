/**
 * SMSAPI (smsapi.pl / smsapi.com) REST sender: POST /sms.do with a Bearer token, form-encoded,
 * `format=json`. Our idempotency key travels as `idx` with `check_idx=1`, so a retry after a lost
 * answer is refused by SMSAPI (error 53) instead of sending the SMS twice.
 */
import { createHash } from 'node:crypto';
import type { OutgoingMessage, SendResult } from '../../../domain/messaging/channelPort';
import { classify, httpRequest, parseJson, type HttpDeps } from '../providerHttp';
import type { SmsProvider } from '../smsProvider';
import { SMSAPI_DUPLICATE_IDX, smsapiFailure } from './smsapiErrors';

export interface SmsapiConfig {
  token: string;
  /** Registered sender name (up to 11 characters); empty uses the account default. */
  senderName?: string;
  /** https://api.smsapi.pl (Poland) or https://api.smsapi.com (international accounts). */
  baseUrl: string;
  /** Where SMSAPI posts delivery reports (the host's /hooks/sms/smsapi?secret=…). */
  notifyUrl?: string;
}

/** SMSAPI's idx is alphanumeric; a hash of our key keeps it stable and within limits. */
export const smsapiIdx = (idempotencyKey: string): string => createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);

/** Provider id used when SMSAPI reports a duplicate idx without giving its own id back. */
export const smsapiIdxProviderId = (idx: string): string => `idx:${idx}`;

interface SmsapiSendOk {
  count: number;
  list: Array<{ id: string; status?: string; parts?: number }>;
}

const isSendOk = (v: unknown): v is SmsapiSendOk =>
  typeof v === 'object' && v !== null && Array.isArray((v as SmsapiSendOk).list) && typeof (v as SmsapiSendOk).list[0]?.id === 'string';

const errorOf = (v: unknown): { error: number; message?: string } | null => {
  if (typeof v !== 'object' || v === null) return null;
  const e = (v as { error?: unknown }).error;
  const message = (v as { message?: unknown }).message;
  return typeof e === 'number' ? { error: e, ...(typeof message === 'string' ? { message } : {}) } : null;
};

export class SmsapiSender implements SmsProvider {
  readonly channel = 'sms' as const;
  readonly provider = 'smsapi' as const;

  constructor(
    private readonly config: SmsapiConfig,
    private readonly deps: HttpDeps,
  ) {}

  async send(m: OutgoingMessage): Promise<SendResult> {
    if (!m.toPhone) return { ok: false, code: 'invalid_number', reason: 'No phone number to send the SMS to', retryable: false };
    const idx = smsapiIdx(m.idempotencyKey);
    const form = new URLSearchParams({
      to: m.toPhone.replace(/^\+/, ''),
      message: m.body,
      encoding: 'utf-8',
      format: 'json',
      idx,
      check_idx: '1',
    });
    if (this.config.senderName) form.set('from', this.config.senderName);
    if (this.config.notifyUrl) form.set('notify_url', this.config.notifyUrl);

    const outcome = await httpRequest(this.deps, `${this.config.baseUrl.replace(/\/$/, '')}/sms.do`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.config.token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    const c = classify(outcome, 'SMSAPI', this.deps.clock.now());
    if ('failure' in c) return c.failure;
    const { status, text } = c.response;

    const json = parseJson(text);
    const err = errorOf(json);
    if (err?.error === SMSAPI_DUPLICATE_IDX) return { ok: true, providerId: smsapiIdxProviderId(idx) };
    if (err) return smsapiFailure(err.error, err.message);
    if (status === 401 || status === 403) return smsapiFailure(101, undefined);
    if (status >= 200 && status < 300 && isSendOk(json)) return { ok: true, providerId: json.list[0]!.id };
    return { ok: false, code: 'provider_error', reason: `SMSAPI answered HTTP ${status} without a message id`, retryable: false };
  }
}
