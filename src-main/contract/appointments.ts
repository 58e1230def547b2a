import { z } from 'zod';
import { channel, epochMs, id, ok } from './common';
import { IMPORT_FILE_MAX } from './limits';
import { method, type EventMap, type MethodMap } from './define';

export const appointmentStatus = z.enum(['booked', 'confirmed', 'checked_in', 'in_visit', 'done', 'no_show', 'cancelled']);
export const visitAction = z.enum(['check_in', 'start', 'finish', 'no_show', 'cancel', 'undo']);
export type VisitAction = z.infer<typeof visitAction>;

export const boardVisit = z.object({
  id,
  patientId: id.nullable(),
  patientName: z.string(),
  language: z.string().nullable(),
  startsAt: epochMs,
  endsAt: epochMs,
  type: z.string(),
  room: z.string().nullable(),
  notes: z.string(),
  status: appointmentStatus,
  phase: z.enum(['done', 'in_visit', 'waiting', 'skipped']),
  eta: epochMs,
  delayMinutes: z.number().int().nonnegative(),
  checkedInAt: epochMs.nullable(),
  startedAt: epochMs.nullable(),
  finishedAt: epochMs.nullable(),
  noticesSent: z.number().int().nonnegative(),
});
export type BoardVisit = z.infer<typeof boardVisit>;

export const practitionerBoard = z.object({
  id,
  name: z.string(),
  room: z.string().nullable(),
  colour: z.string(),
  currentDelayMinutes: z.number().int().nonnegative(),
  announcedMinutes: z.number().int().nullable(),
  automatic: z.boolean(),
  visits: z.array(boardVisit),
});
export type PractitionerBoard = z.infer<typeof practitionerBoard>;

export const dayBoard = z.object({ day: z.string(), timeZone: z.string(), now: epochMs, practitioners: z.array(practitionerBoard) });
export type DayBoard = z.infer<typeof dayBoard>;

export const skipReason = z.enum(['not_waiting', 'already_started', 'below_threshold', 'daily_cap', 'quiet_hours', 'no_channel', 'no_consent', 'template_incomplete']);

export const delayPreview = z.object({
  practitionerId: id,
  practitioner: z.string(),
  revision: z.number().int().positive(),
  currentDelayMinutes: z.number().int().nonnegative(),
  announcedMinutes: z.number().int().nullable(),
  automatic: z.boolean(),
  notices: z.array(
    z.object({
      appointmentId: id,
      patientId: id,
      patientName: z.string(),
      kind: z.enum(['delay', 'on_time']),
      channel,
      language: z.string(),
      startsAt: epochMs,
      eta: epochMs,
      previousEta: epochMs,
      delayMinutes: z.number().int().nonnegative(),
      text: z.string(),
    }),
  ),
  skipped: z.array(z.object({ appointmentId: id, patientName: z.string(), reason: skipReason })),
});
export type DelayPreview = z.infer<typeof delayPreview>;

export const waitingRoomBoard = z.object({
  clinicName: z.string(),
  timeZone: z.string(),
  languages: z.array(z.string()),
  at: epochMs,
  practitioners: z.array(
    z.object({
      id,
      name: z.string(),
      room: z.string().nullable(),
      colour: z.string(),
      delayMinutes: z.number().int().nonnegative(),
      state: z.enum(['on_time', 'delayed', 'finished']),
      nextEta: epochMs.nullable(),
      waitingCount: z.number().int().nonnegative(),
    }),
  ),
});
export type WaitingRoomBoard = z.infer<typeof waitingRoomBoard>;

const civilDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-03-24');

export const importRequest = z.object({
  format: z.enum(['ics', 'csv']),
  content: z.string().min(1, 'the file is empty').max(IMPORT_FILE_MAX, 'the file is larger than 16 MiB: split it'),
  practitioner: z.string().min(1).max(120).optional(),
  from: civilDate.optional(),
  to: civilDate.optional(),
  mapping: z.record(z.string(), z.string()).optional(),
  /** "Mario Rossi" or "Rossi Mario" (surname first, common in Italian agendas): how new patients are named. */
  nameOrder: z.enum(['first_last', 'last_first']).optional(),
  dryRun: z.boolean().default(false),
  /** New practitioner names the desk confirmed; any other unknown name is reported per row, not created. */
  createPractitioners: z.array(z.string().min(1).max(120)).max(200).optional(),
  createAllPractitioners: z.boolean().optional(),
  /** Booking confirmations for the new future visits of this import; default: off for the clinic's first import, on afterwards. */
  sendConfirmations: z.boolean().optional(),
});

export const importSummary = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  patientsCreated: z.number().int(),
  practitionersCreated: z.array(z.string()),
  /** Names matching no practitioner ("will be created"), the lines they cover, whether confirmed, a likely typo of. */
  newPractitioners: z.array(z.object({ name: z.string(), lines: z.array(z.number().int()), confirmed: z.boolean(), similarTo: z.string().nullable() })),
  rows: z.array(
    z.object({
      line: z.number().int(),
      uid: z.string(),
      startsAt: epochMs,
      endsAt: epochMs,
      patientName: z.string().nullable(),
      /** patientName read with the import's name order, as a new record would get it. */
      name: z.object({ firstName: z.string(), lastName: z.string() }).optional(),
      phone: z.string().nullable(),
      practitioner: z.string(),
      cancelled: z.boolean(),
      outcome: z.enum(['created', 'updated', 'unchanged']),
    }),
  ),
  /** `reason` + `params`: what the desk translates (see domain/shared/errors.ts); `message` is for the CLI. */
  errors: z.array(z.object({ line: z.number().int(), message: z.string(), reason: z.string().optional(), params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).optional() })),
  skipped: z.array(z.object({ line: z.number().int(), message: z.string() })),
  /** No import had been saved before this one (the dialog's confirmation switch starts off). */
  firstImport: z.boolean().optional(),
  /** Whether the new visits got booking confirmations, and how many notices (confirmation, reschedule, cancellation) were queued. */
  confirmations: z.object({ sent: z.boolean(), noticesQueued: z.number().int().nonnegative() }).optional(),
});
export type ImportSummary = z.infer<typeof importSummary>;

const practitionerRef = z.object({ practitionerId: id });

export const practitioner = z.object({
  id,
  name: z.string(),
  room: z.string().nullable(),
  colour: z.string(),
  visitMinutes: z.number().int(),
  active: z.boolean(),
});
export type Practitioner = z.infer<typeof practitioner>;

export const practitionerInput = z
  .object({
    id: id.optional(),
    name: z.string().trim().min(1, 'the name is empty').max(120),
    room: z.string().trim().max(60).nullable().default(null),
    colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #0f766e'),
    visitMinutes: z.number().int().min(5, 'at least 5 minutes').max(240, 'at most 240 minutes'),
    active: z.boolean().default(true),
  })
  .strict();

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time like 21:00');

export const noticePolicy = z
  .object({
    thresholdMinutes: z.number().int().min(5, 'at least 5 minutes').max(120, 'at most 120 minutes'),
    capPerPatientPerDay: z.number().int().min(1, 'at least 1').max(10, 'at most 10'),
    quietHours: z.object({ from: hhmm, to: hhmm }).nullable(),
  })
  .strict();
export type NoticePolicyDto = z.infer<typeof noticePolicy>;

export const appointmentsApi = {
  /** Today's board by default; `day` (clinic-local YYYY-MM-DD) shows another day of the agenda. */
  'appointments.day': method(z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }).strict(), dayBoard),
  'appointments.setStatus': method(z.object({ appointmentId: id, action: visitAction }).strict(), ok),
  'appointments.import': method(importRequest, importSummary),
  'delays.preview': method(practitionerRef.strict(), delayPreview),
  'delays.announce': method(practitionerRef.extend({ minutes: z.number().int().min(0).max(240) }).strict(), delayPreview),
  'delays.send': method(
    // appointmentIds: the notices the receptionist saw in the preview; nothing else is sent (time may have added some since).
    practitionerRef.extend({ revision: z.number().int().positive(), appointmentIds: z.array(id).max(2000).optional() }).strict(),
    z.object({ queued: z.number().int().nonnegative() }),
  ),
  'delays.setAutomatic': method(practitionerRef.extend({ automatic: z.boolean() }).strict(), delayPreview),
  'delays.waitingRoom': method(z.object({}).strict(), waitingRoomBoard, { public: true }),
  'practitioners.list': method(z.object({}).strict(), z.object({ practitioners: z.array(practitioner) })),
  'practitioners.save': method(practitionerInput, practitioner),
  'delays.policy': method(z.object({}).strict(), noticePolicy),
  'delays.setPolicy': method(noticePolicy, noticePolicy),
} satisfies MethodMap;

export const appointmentsEvents = {
  'waitingRoom.updated': waitingRoomBoard,
  /** The day board should reload: a delay, a visit or a notice changed. */
  'delays.changed': z.object({ at: epochMs }),
} satisfies EventMap;
