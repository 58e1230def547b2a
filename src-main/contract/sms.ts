import { z } from 'zod';
import { epochMs, language } from './common';
import { method, type EventMap, type MethodMap } from './define';

/** SMS gateway (issue 6): provider configuration, segment preview, webhook log. */

export const smsProviderName = z.enum(['smsapi', 'android', 'twilio']);

const httpUrl = z
  .string()
  .trim()
  .max(300)
  .refine((v) => /^https?:\/\/[^\s/]+/i.test(v), 'an http:// or https:// address');
/** Empty means "none" (no public URL: the desk polls instead of waiting for callbacks). */
const optionalUrl = z.union([z.literal(''), httpUrl]);
/** A secret field: omitted or empty keeps the stored one, so the UI never needs to read it back. */
const secret = z.string().trim().max(500).optional();

export const smsGeneralSettings = z.object({
  activeProvider: smsProviderName.nullable(),
  transliterate: z.boolean(),
  maxSegments: z.number().int().min(1).max(10),
  pollIntervalSeconds: z.number().int().min(0).max(3600),
  optOutKeywords: z.record(language, z.array(z.string().trim().min(1).max(30)).max(20)),
  optOutConfirmation: z.record(language, z.string().trim().min(1).max(300)),
});
export type SmsGeneralSettings = z.infer<typeof smsGeneralSettings>;

const smsapiFields = z.object({
  provider: z.literal('smsapi'),
  senderName: z.string().trim().max(11),
  baseUrl: httpUrl,
  publicUrl: optionalUrl,
});
const androidFields = z.object({
  provider: z.literal('android'),
  baseUrl: httpUrl,
  username: z.string().trim().min(1).max(100),
  simNumber: z.number().int().min(1).max(4).nullable(),
  publicUrl: optionalUrl,
  /** How received SMS and reports reach the desk (androidInboundMode.ts); older saves have none = polling. */
  inboundMode: z.enum(['polling', 'webhook']).optional(),
});
const twilioFields = z.object({
  provider: z.literal('twilio'),
  accountSid: z.string().trim().regex(/^AC[0-9a-fA-F]{32}$/, 'a Twilio Account SID: AC followed by 32 hex digits'),
  from: z.string().trim().max(20),
  messagingServiceSid: z.union([z.literal(''), z.string().trim().regex(/^MG[0-9a-fA-F]{32}$/, 'a Messaging Service SID: MG followed by 32 hex digits')]),
  baseUrl: httpUrl,
  publicUrl: optionalUrl,
});

export const smsProviderInput = z.discriminatedUnion('provider', [
  smsapiFields.extend({ token: secret }),
  androidFields.extend({ password: secret, signingKey: secret }),
  twilioFields.extend({ authToken: secret }),
]);
export type SmsProviderInput = z.infer<typeof smsProviderInput>;

const viewExtras = {
  /** Which secret fields hold a value (the values themselves never leave main). */
  secretsSet: z.array(z.string()),
  /** Path a provider calls on the host (SMSAPI's carries its shared secret). */
  webhookPath: z.string(),
  webhookUrl: z.string().nullable(),
  updatedAt: epochMs,
};
export const smsProviderView = z.discriminatedUnion('provider', [
  smsapiFields.extend(viewExtras),
  androidFields.extend(viewExtras),
  twilioFields.extend(viewExtras),
]);
export type SmsProviderView = z.infer<typeof smsProviderView>;

export const smsSettingsView = z.object({
  general: smsGeneralSettings,
  providers: z.array(smsProviderView),
  /** Where secrets are sealed: the OS key store or the data folder's key file. */
  secretStore: z.enum(['os-keystore', 'file-key']),
  demo: z.boolean(),
});
export type SmsSettingsView = z.infer<typeof smsSettingsView>;

export const smsPreview = z.object({
  sent: z.string(),
  encoding: z.enum(['GSM-7', 'UCS-2']),
  segments: z.number().int().nonnegative(),
  characters: z.number().int().nonnegative(),
  units: z.number().int().nonnegative(),
  perSegment: z.number().int().positive(),
  remaining: z.number().int().nonnegative(),
  ucs2Because: z.string().nullable(),
  nonGsm: z.array(z.string()),
  changes: z.array(z.object({ from: z.string(), to: z.string() })),
  overLimit: z.boolean(),
});
export type SmsPreviewDto = z.infer<typeof smsPreview>;

export const smsTestResult = z.object({
  ok: z.boolean(),
  providerId: z.string().nullable(),
  code: z.string().nullable(),
  reason: z.string().nullable(),
  retryable: z.boolean(),
});

export const smsWebhookLogEntry = z.object({
  provider: z.string(),
  at: epochMs,
  httpStatus: z.number().int(),
  outcome: z.enum(['accepted', 'rejected', 'failed']),
  reason: z.string().nullable(),
  inbound: z.number().int(),
  statuses: z.number().int(),
  applied: z.number().int(),
});

export const smsApi = {
  'sms.settings': method(z.object({}), smsSettingsView),
  'sms.updateSettings': method(smsGeneralSettings.partial().strict(), smsSettingsView),
  'sms.saveProvider': method(smsProviderInput, smsSettingsView),
  'sms.removeProvider': method(z.object({ provider: smsProviderName }), smsSettingsView),
  'sms.sendTest': method(z.object({ provider: smsProviderName, to: z.string().trim().min(3).max(30), text: z.string().min(1).max(480) }), smsTestResult),
  'sms.preview': method(z.object({ text: z.string().max(5000), transliterate: z.boolean().optional() }), smsPreview),
  'sms.webhookLog': method(z.object({ limit: z.number().int().min(1).max(200).optional() }), z.object({ entries: z.array(smsWebhookLogEntry) })),
} satisfies MethodMap;

export const smsEvents = {
  /** What the composer's segment counter needs, pushed when the clinic changes it. */
  'sms.settingsChanged': z.object({ transliterate: z.boolean(), maxSegments: z.number().int(), activeProvider: smsProviderName.nullable() }),
} satisfies EventMap;
