/**
 * The port between the SMS domain and the provider adapters in src-main/channels/sms. The domain
 * decides (settings, opt-out, what to apply); adapters speak each vendor's HTTP and never leak its types.
 */
import type { ChannelSender, InboundMessage, StatusUpdate } from '../messaging/channelPort';
import type { Region } from '../patients/phone';

export const SMS_PROVIDERS = ['smsapi', 'android', 'twilio'] as const;
export type SmsProviderName = (typeof SMS_PROVIDERS)[number];

export const SMS_PROVIDER_LABELS: Readonly<Record<SmsProviderName, string>> = {
  smsapi: 'SMSAPI',
  android: 'SMS Gateway for Android',
  twilio: 'Twilio',
};

export const isSmsProvider = (v: string): v is SmsProviderName => (SMS_PROVIDERS as readonly string[]).includes(v);

export type AndroidInboundMode = 'polling' | 'webhook';

export interface SmsProvider extends ChannelSender {
  readonly provider: SmsProviderName;
  /** False when the clinic chose callbacks only for this provider: the poller leaves it alone. */
  readonly polls?: boolean;
  /** Current delivery state of a message this provider accepted; null while nothing new is known. */
  pollStatus?(providerId: string): Promise<StatusUpdate | null>;
  /** SMS the clinic received since `since` (ms epoch), for providers whose inbound webhook cannot reach the desk. */
  pollInbound?(since: number): Promise<InboundMessage[]>;
}

/** An HTTP request as the host received it, reduced to what webhook authentication and parsing need. */
export interface WebhookRequest {
  method: string;
  /** The public URL the provider called, query string included (Twilio signs it). */
  url: string;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
  rawBody: string;
}

export type WebhookRejectStatus = 400 | 401 | 405 | 415 | 422;

export type WebhookResult =
  | {
      ok: true;
      inbound: InboundMessage[];
      statuses: StatusUpdate[];
      /** What the provider expects back (SMSAPI wants "OK", Twilio an empty TwiML document). */
      reply: { contentType: string; body: string };
      /** Parts of an accepted call that were left out (e.g. one unreadable report of a batch), for the webhook log. */
      notes?: string[];
    }
  | {
      ok: false;
      /** 401 unauthenticated, 400 malformed, 415 wrong content type, 405 wrong method, 422 understood but unusable. */
      httpStatus: WebhookRejectStatus;
      reason: string;
    };

export const rejectWebhook = (httpStatus: WebhookRejectStatus, reason: string): WebhookResult => ({ ok: false, httpStatus, reason });

/** Everything one provider needs, secrets included. Only the SMS service holds these in memory. */
export type SmsProviderConfig =
  | {
      provider: 'smsapi';
      token: string;
      senderName: string;
      baseUrl: string;
      /** Shared secret SMSAPI carries back in the callback URL (SMSAPI does not sign). */
      webhookSecret: string;
      /** Public URL of the desk host (reverse proxy or tunnel); empty when callbacks cannot reach it. */
      publicUrl: string;
    }
  | {
      provider: 'android';
      baseUrl: string;
      username: string;
      password: string;
      simNumber: number | null;
      /** The app's webhook signing key (Settings → Webhooks on the phone). */
      signingKey: string;
      publicUrl: string;
      /** 'polling' (default) or 'webhook': see androidInboundMode.ts. Absent in configs saved before it existed. */
      inboundMode?: AndroidInboundMode;
    }
  | {
      provider: 'twilio';
      accountSid: string;
      authToken: string;
      from: string;
      messagingServiceSid: string;
      baseUrl: string;
      publicUrl: string;
    };

export type FetchFn = (url: string, init: RequestInit) => Promise<Response>;

/** Implemented by src-main/channels/sms; the SMS area receives it from the composition root. */
export interface SmsGateway {
  createProvider(config: SmsProviderConfig, deps: { now: () => number; fetch?: FetchFn; timeoutMs?: number; region?: Region }): SmsProvider;
  parseWebhook(config: SmsProviderConfig, req: WebhookRequest, o: { now: number; region: Region }): WebhookResult;
}

/**
 * Where a provider calls the desk: /hooks/sms/<provider>. SMSAPI signs nothing, so its URL carries the
 * shared secret as a path segment: SMSAPI appends its report parameters to the notify_url's query, and a
 * secret in the query would sit among them in every log line and proxy that records query strings.
 */
export function webhookPath(config: SmsProviderConfig): string {
  const base = `/hooks/sms/${config.provider}`;
  return config.provider === 'smsapi' ? `${base}/${encodeURIComponent(config.webhookSecret)}` : base;
}

/** The full callback URL, or null when the clinic has no public URL (then the desk polls). */
export function webhookUrl(config: SmsProviderConfig): string | null {
  return config.publicUrl ? `${config.publicUrl.replace(/\/$/, '')}${webhookPath(config)}` : null;
}
