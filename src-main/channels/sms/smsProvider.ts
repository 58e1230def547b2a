/**
 * What every SMS provider adapter offers the app: a ChannelSender for the outbox, optionally a status
 * poll (for gateways whose callbacks cannot reach the clinic's LAN), and a test-SMS check for the
 * settings screen. Vendor types stay inside each provider's folder.
 */
import type { ChannelSender, InboundMessage, StatusUpdate } from '../../domain/messaging/channelPort';

export const SMS_PROVIDERS = ['smsapi', 'android', 'twilio'] as const;
export type SmsProviderName = (typeof SMS_PROVIDERS)[number];

export const SMS_PROVIDER_LABELS: Readonly<Record<SmsProviderName, string>> = {
  smsapi: 'SMSAPI',
  android: 'SMS Gateway for Android',
  twilio: 'Twilio',
};

export interface SmsProvider extends ChannelSender {
  readonly provider: SmsProviderName;
  /** Current delivery state of a message this provider accepted; null while nothing new is known. */
  pollStatus?(providerId: string): Promise<StatusUpdate | null>;
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

export type WebhookResult =
  | {
      ok: true;
      inbound: InboundMessage[];
      statuses: StatusUpdate[];
      /** What the provider expects back (SMSAPI wants "OK", Twilio an empty TwiML document). */
      reply: { contentType: string; body: string };
    }
  | {
      ok: false;
      /** 401 unauthenticated, 400 malformed, 415 wrong content type, 405 wrong method, 422 understood but unusable. */
      httpStatus: 400 | 401 | 405 | 415 | 422;
      reason: string;
    };

export const rejectWebhook = (httpStatus: 400 | 401 | 405 | 415 | 422, reason: string): WebhookResult => ({ ok: false, httpStatus, reason });
