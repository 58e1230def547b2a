import { z } from 'zod';
import { channel, epochMs, id, language, ok } from './common';
import { method, type EventMap, type MethodMap } from './define';

/** Segments, campaigns and the automations (birthday greetings, recall). Managers and up. */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-11-29');

export const segmentDefinition = z
  .object({
    ageMin: z.number().int().min(0).max(120).optional(),
    ageMax: z.number().int().min(0).max(120).optional(),
    sex: z.array(z.enum(['f', 'm', 'x'])).optional(),
    languages: z.array(language).optional(),
    /** Patients with at least one of these tags. */
    tags: z.array(z.string().min(1).max(40)).optional(),
    /** Patients with a visit (any time) with one of these practitioners / of one of these types. */
    practitionerIds: z.array(id).optional(),
    visitTypes: z.array(z.string().min(1).max(80)).optional(),
    /** At least `min` visits (not cancelled, not missed) between from and to. */
    visitsInPeriod: z.object({ min: z.number().int().min(1).max(1000), from: isoDate, to: isoDate }).optional(),
    /** The latest visit so far was before this date (and there was one). */
    lastVisitBefore: isoDate.optional(),
    nextVisit: z.enum(['exists', 'none']).optional(),
    channelConsent: z.enum(['whatsapp', 'sms', 'any']).optional(),
    marketingConsent: z.boolean().optional(),
  })
  .strict();
export type SegmentDefinition = z.infer<typeof segmentDefinition>;

const segmentPatient = z.object({ id, firstName: z.string(), lastName: z.string(), language: z.string().nullable(), birthDate: z.string().nullable() });
const savedSegment = z.object({ id, name: z.string(), definition: segmentDefinition, updatedAt: epochMs });

export const campaignStatus = z.enum(['draft', 'scheduled', 'running', 'paused', 'cancelled', 'done']);
export const refusalReason = z.enum(['opted_out', 'no_marketing_consent', 'marketing_withdrawn', 'no_channel_consent', 'no_address', 'no_variant', 'missing_variable', 'first_contact_cap', 'erased']);

export const campaignReport = z.object({
  id,
  name: z.string(),
  kind: z.enum(['campaign', 'birthday', 'recall']),
  status: campaignStatus,
  recipients: z.number().int(),
  pending: z.number().int(),
  queued: z.number().int(),
  sent: z.number().int(),
  delivered: z.number().int(),
  read: z.number().int(),
  failed: z.number().int(),
  failures: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  replied: z.number().int(),
  optedOut: z.number().int(),
  refused: z.number().int(),
  refusals: z.array(z.object({ reason: refusalReason, count: z.number().int() })),
  cancelled: z.number().int(),
  perMinute: z.number().int(),
  scheduledAt: epochMs.nullable(),
  startedAt: epochMs.nullable(),
  finishedAt: epochMs.nullable(),
  createdBy: z.string(),
  createdAt: epochMs,
});
export type CampaignReport = z.infer<typeof campaignReport>;

const previewLine = z.object({
  language: z.string(),
  channel,
  recipients: z.number().int(),
  text: z.string(),
  smsSegments: z.number().int(),
  smsEncoding: z.string(),
  missing: z.array(z.string()),
});

const campaignDraft = z.object({
  name: z.string().trim().min(1).max(120),
  segment: segmentDefinition,
  templateId: id,
  channels: z.array(channel).min(1).max(2).default(['whatsapp', 'sms']),
  perMinute: z.number().int().min(1).max(6000).default(20),
});

const manager = { role: 'manager' as const };

export const campaignsApi = {
  'segments.count': method(z.object({ definition: segmentDefinition }), z.object({ count: z.number().int() }), manager),
  'segments.patients': method(
    z.object({ definition: segmentDefinition, limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().nonnegative().default(0) }),
    z.object({ patients: z.array(segmentPatient), total: z.number().int() }),
    manager,
  ),
  'segments.list': method(z.object({}), z.object({ segments: z.array(savedSegment) }), manager),
  'segments.save': method(z.object({ id: id.optional(), name: z.string().trim().min(1).max(80), definition: segmentDefinition }), savedSegment, manager),
  'segments.remove': method(z.object({ id }), ok, manager),
  'campaigns.preview': method(
    campaignDraft.omit({ name: true }),
    z.object({
      lines: z.array(previewLine),
      refusals: z.array(z.object({ reason: refusalReason, count: z.number().int() })),
      total: z.number().int(),
      smsMessages: z.number().int(),
      smsSegments: z.number().int(),
      /** smsSegments × the configured price per segment; null when no price is set. */
      estimatedCost: z.number().nullable(),
      currency: z.string().nullable(),
      estimatedMinutes: z.number().int(),
    }),
    manager,
  ),
  'campaigns.create': method(campaignDraft.extend({ scheduledAt: epochMs.nullable().default(null) }), campaignReport, manager),
  'campaigns.start': method(z.object({ id }), campaignReport, manager),
  'campaigns.pause': method(z.object({ id }), campaignReport, manager),
  'campaigns.resume': method(z.object({ id }), campaignReport, manager),
  'campaigns.cancel': method(z.object({ id }), campaignReport, manager),
  'campaigns.list': method(z.object({}), z.object({ campaigns: z.array(campaignReport) }), manager),
  'campaigns.report': method(z.object({ id }), campaignReport, manager),
  'campaigns.getPricing': method(z.object({}), z.object({ pricePerSegment: z.number().nonnegative().nullable(), currency: z.string() }), manager),
  'campaigns.setPricing': method(z.object({ pricePerSegment: z.number().nonnegative().max(10).nullable(), currency: z.string().regex(/^[A-Z]{3}$/) }), ok, manager),
} satisfies MethodMap;

const automationChannels = z.array(channel).min(1);
export const automationSettingsDto = z.object({
  birthday: z.object({ enabled: z.boolean(), hour: z.number().int().min(0).max(23), templateId: id.nullable(), channels: automationChannels }),
  recall: z.object({
    enabled: z.boolean(),
    hour: z.number().int().min(0).max(23),
    templateId: id.nullable(),
    channels: automationChannels,
    notSeenMonths: z.number().int().min(1).max(60),
    repeatMonths: z.number().int().min(1).max(60),
    practitionerIds: z.array(id),
    visitTypes: z.array(z.string().min(1).max(80)),
  }),
});
const previewDay = z.object({
  date: z.string(),
  patients: z.array(z.object({ id, name: z.string(), channel: channel.nullable(), refusal: refusalReason.nullable() })),
});

export const automationsApi = {
  'automations.get': method(z.object({}), automationSettingsDto, manager),
  'automations.save': method(automationSettingsDto, automationSettingsDto, manager),
  'automations.week': method(z.object({}), z.object({ birthday: z.array(previewDay), recall: z.array(previewDay) }), manager),
} satisfies MethodMap;

export const campaignsEvents = {
  'campaign.progress': campaignReport,
} satisfies EventMap;
