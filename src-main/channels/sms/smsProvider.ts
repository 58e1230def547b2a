/**
 * What every SMS provider adapter offers the app: a ChannelSender for the outbox, optionally a status
 * poll (for gateways whose callbacks cannot reach the clinic's LAN), and webhook parsing. The types are
 * the domain's port (domain/sms/smsPorts.ts); vendor types stay inside each provider's folder.
 */
export {
  SMS_PROVIDERS,
  SMS_PROVIDER_LABELS,
  rejectWebhook,
  type SmsProvider,
  type SmsProviderName,
  type WebhookRequest,
  type WebhookResult,
} from '../../domain/sms/smsPorts';
