import { z } from 'zod';
import { epochMs, id, language, ok } from './common';
import { method, type EventMap, type MethodMap } from './define';

/** Canned replies, business hours and automatic replies (issue 9). */

const variants = z.record(z.string(), z.string());

export const templateSummary = z.object({
  id,
  name: z.string(),
  shortcode: z.string(),
  category: z.string(),
  variants,
  usageCount: z.number().int().nonnegative(),
  lastUsedAt: epochMs.nullable(),
  starterKey: z.string().nullable(),
  shortcodes: z.array(z.object({ shortcode: z.string(), language: z.string().nullable() })),
});
export type TemplateSummary = z.infer<typeof templateSummary>;

export const templateIssue = z.object({
  language: z.string(),
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  subject: z.string(),
  suggestion: z.string().nullable(),
  message: z.string(),
});

export const composedText = z.object({
  text: z.string(),
  language: z.string(),
  fellBack: z.boolean(),
  missing: z.array(z.string()),
});
export type ComposedTextDto = z.infer<typeof composedText>;

const hhmmRange = z.object({ from: z.string(), to: z.string() });
const weekly = z.object({
  mon: z.array(hhmmRange),
  tue: z.array(hhmmRange),
  wed: z.array(hhmmRange),
  thu: z.array(hhmmRange),
  fri: z.array(hhmmRange),
  sat: z.array(hhmmRange),
  sun: z.array(hhmmRange),
});
const closure = z.object({ from: z.string(), to: z.string(), label: z.string() });
const hoursInput = z.object({ weekly, publicHolidays: z.array(z.enum(['IT', 'PL'])), closures: z.array(closure) });

export const hoursView = hoursInput.extend({
  timeZone: z.string(),
  holidays: z.array(z.object({ date: z.string(), key: z.string(), name: z.string(), country: z.string() })),
  openNow: z.boolean(),
  nextOpening: epochMs.nullable(),
});
export type HoursView = z.infer<typeof hoursView>;

const toggle = z.object({ enabled: z.boolean(), templateId: id.nullable() });
export const autoReplySettings = z.object({
  welcome: toggle.extend({ silenceDays: z.number().int().min(1).max(365) }),
  outOfHours: toggle,
  keywords: z.object({
    enabled: z.boolean(),
    topics: z.object({ hours: toggle, address: toggle, booking: toggle, prices: toggle, documents: toggle }),
  }),
});
export type AutoReplySettingsDto = z.infer<typeof autoReplySettings>;

export const clinicProfile = z.object({
  address: z.string().trim().max(200),
  phone: z.string().trim().max(40),
  website: z.string().trim().max(120),
});
export type ClinicProfile = z.infer<typeof clinicProfile>;

export const templatesApi = {
  'templates.list': method(
    z.object({}),
    z.object({ items: z.array(templateSummary), variables: z.array(z.string()), languages: z.array(z.string()), categories: z.array(z.string()) }),
  ),
  'templates.save': method(
    z.object({ id: id.optional(), name: z.string(), shortcode: z.string(), category: z.string(), variants }),
    z.object({ template: templateSummary, warnings: z.array(templateIssue) }),
  ),
  'templates.delete': method(z.object({ id }), ok),
  /** Text for the composer: the variant in the patient's language with their values; counts one use. */
  'templates.compose': method(z.object({ templateId: id, conversationId: id }), composedText.extend({ templateId: id })),
  /** The library's preview: a body being edited, for a chosen patient (or none) in a chosen language. */
  'templates.preview': method(
    z.object({ variants, patientId: id.nullable(), language: language.nullable() }),
    composedText.nullable(),
  ),
  'templates.previewPatients': method(
    z.object({ query: z.string().max(100) }),
    z.object({ items: z.array(z.object({ id, name: z.string(), language: z.string().nullable() })) }),
  ),
  'language.propose': method(
    z.object({ patientId: id }),
    z.object({
      current: z.string().nullable(),
      proposal: z.object({ language: z.string(), source: z.enum(['text', 'phone', 'text+phone']), confidence: z.enum(['high', 'medium', 'low']) }).nullable(),
    }),
  ),
  'hours.get': method(z.object({}), hoursView),
  'hours.save': method(hoursInput, hoursView),
  'autoReplies.get': method(z.object({}), autoReplySettings),
  'autoReplies.save': method(autoReplySettings, autoReplySettings),
  'clinicProfile.get': method(z.object({}), clinicProfile),
  'clinicProfile.save': method(clinicProfile, clinicProfile),
} satisfies MethodMap;

export const templatesEvents = {
  'templates.changed': z.object({}),
} satisfies EventMap;
