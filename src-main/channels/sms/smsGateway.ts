/**
 * The channel side of the SMS port: builds the configured provider's adapter and parses its webhooks.
 * The SMS area (domain/sms) receives this from the composition root, so the domain never imports channels.
 */
import type { SmsGateway, SmsProviderConfig } from '../../domain/sms/smsPorts';
import { webhookUrl } from '../../domain/sms/smsPorts';
import { AndroidGatewaySender } from './android/androidGatewaySender';
import { parseAndroidWebhook } from './android/androidGatewayWebhook';
import type { FetchLike, HttpDeps } from './providerHttp';
import { SmsapiSender } from './smsapi/smsapiSender';
import { parseSmsapiWebhook } from './smsapi/smsapiWebhook';
import { TwilioSender } from './twilio/twilioSender';
import { parseTwilioWebhook } from './twilio/twilioWebhook';

export const smsGateway: SmsGateway = {
  createProvider(config: SmsProviderConfig, deps) {
    const http: HttpDeps = {
      fetch: (deps.fetch ?? ((url, init) => fetch(url, init))) as FetchLike,
      clock: { now: deps.now },
      ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
    };
    const callback = webhookUrl(config);
    switch (config.provider) {
      case 'smsapi':
        return new SmsapiSender(
          { token: config.token, baseUrl: config.baseUrl, ...(config.senderName ? { senderName: config.senderName } : {}), ...(callback ? { notifyUrl: callback } : {}) },
          http,
        );
      case 'android':
        return new AndroidGatewaySender(
          {
            baseUrl: config.baseUrl,
            username: config.username,
            password: config.password,
            simNumber: config.simNumber,
            inboundMode: config.inboundMode ?? 'polling',
            ...(deps.region ? { region: deps.region } : {}),
          },
          http,
        );
      case 'twilio':
        return new TwilioSender(
          {
            accountSid: config.accountSid,
            authToken: config.authToken,
            baseUrl: config.baseUrl,
            ...(config.from ? { from: config.from } : {}),
            ...(config.messagingServiceSid ? { messagingServiceSid: config.messagingServiceSid } : {}),
            ...(callback ? { statusCallbackUrl: callback } : {}),
          },
          http,
        );
    }
  },

  parseWebhook(config, req, o) {
    switch (config.provider) {
      case 'smsapi':
        return parseSmsapiWebhook(req, config.webhookSecret, o.now);
      case 'android':
        return parseAndroidWebhook(req, { signingKey: config.signingKey, region: o.region, now: o.now });
      case 'twilio':
        // Twilio signs the public URL it called, which only the clinic's configuration knows.
        return parseTwilioWebhook(
          { ...req, url: config.publicUrl ? `${config.publicUrl.replace(/\/$/, '')}${req.url}` : req.url },
          { accountSid: config.accountSid, authToken: config.authToken, region: o.region, now: o.now },
        );
    }
  },
};
