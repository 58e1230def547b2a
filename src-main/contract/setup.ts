import { z } from 'zod';
import { epochMs, uiLanguage } from './common';
import { smsProviderName } from './sms';
import { method, type MethodMap } from './define';

/** The optional steps after the clinic exists; each can be skipped now and resumed from Settings. */
export const SETUP_STEPS = ['whatsapp', 'sms', 'pbx', 'agenda'] as const;
export const setupStep = z.enum(SETUP_STEPS);
export const setupStepState = z.enum(['pending', 'done', 'skipped']);

/**
 * What the clinic has really done for each optional step (a step is "done" only from these facts, never
 * from a click): the linked WhatsApp number, the provider that accepted a test SMS, the PBX link, the agenda.
 */
export const setupFacts = z.object({
  whatsappPhone: z.string().nullable(),
  smsTest: z.object({ provider: smsProviderName, at: epochMs, simulated: z.boolean() }).nullable(),
  /** A live AMI link is configured, or PBX call records were imported. */
  pbx: z.enum(['ami', 'import']).nullable(),
  agendaImported: z.boolean(),
});

export const setupStatus = z.object({
  /** A real clinic exists (or the demo is open): the desk opens; false shows the set-up wizard. */
  configured: z.boolean(),
  demo: z.boolean(),
  clinicName: z.string().nullable(),
  steps: z.record(setupStep, setupStepState),
  facts: setupFacts,
});

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time like 08:30');
const dayPeriods = z.array(z.object({ from: hhmm, to: hhmm })).max(4);

export const createClinicRequest = z
  .object({
    clinicName: z.string().trim().min(1, 'the clinic needs a name').max(120),
    /** ISO 3166 country: phone numbers without a prefix, public holidays. */
    country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'a two-letter country code like IT'),
    timeZone: z.string().trim().min(1, 'choose a time zone'),
    /** Languages the clinic answers patients in; the first is the default. */
    languages: z.array(z.string().regex(/^[a-z]{2}$/)).min(1, 'choose at least one language').max(8),
    uiLanguage,
    admin: z.object({
      name: z.string().trim().min(1, 'the admin needs a user name').max(80),
      displayName: z.string().trim().max(120).optional(),
      password: z.string().min(1, 'choose a password').max(200),
    }),
    weekly: z.object({ mon: dayPeriods, tue: dayPeriods, wed: dayPeriods, thu: dayPeriods, fri: dayPeriods, sat: dayPeriods, sun: dayPeriods }).optional(),
    practitioners: z
      .array(
        z.object({
          name: z.string().trim().min(1, 'the name is empty').max(120),
          room: z.string().trim().max(60).optional(),
          visitMinutes: z.number().int().min(5).max(240).default(30),
        }),
      )
      .max(50)
      .default([]),
  })
  .strict();

export const setupApi = {
  // Public: the wizard shows before any login exists. It says only whether a clinic exists.
  'setup.status': method(z.object({}), setupStatus, { public: true }),
  // Public for the same reason; refused with `conflict` once a clinic exists, so it can only ever bootstrap.
  'setup.createClinic': method(createClinicRequest, setupStatus, { public: true }),
  // Skip a step or take it up again; "done" is never set by hand: it follows from what the clinic really did.
  'setup.setStep': method(z.object({ step: setupStep, state: z.enum(['pending', 'skipped']) }).strict(), setupStatus, { role: 'admin' }),
} satisfies MethodMap;
