import { z } from 'zod';
import { channel, epochMs, id, ok } from './common';
import { timelineMessage } from './inbox';
import { method, type MethodMap } from './define';

export const VISIT_TEXT_KINDS = ['reminder', 'booking_confirmation', 'reschedule', 'cancellation', 'feedback', 'ack_confirmed', 'ack_cancelled', 'feedback_thanks', 'feedback_review'] as const;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const civilDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const visitLoopSettings = z.object({
  reminders: z.object({
    enabled: z.boolean(),
    /** Hours before the first visit of the day; 24 by default, 48 optional (both: two reminders). */
    hoursBefore: z.array(z.number().int().min(1).max(168)).min(1).max(3),
    /** A visit booked less than this many hours ahead gets no reminder (the booking was the reminder). */
    skipIfBookedWithinHours: z.number().int().min(0).max(168),
  }),
  /** Automatic messages go only between these local times, on days the clinic is open. */
  sendingWindow: z.object({ from: hhmm, to: hhmm }),
  notices: z.object({ bookingConfirmation: z.boolean(), reschedule: z.boolean(), cancellation: z.boolean() }),
  replies: z.object({
    /** Hours after the question during which an answer counts; null: until the visit starts. */
    windowHours: z.number().int().min(1).max(336).nullable(),
    acknowledge: z.boolean(),
  }),
  feedback: z.object({
    enabled: z.boolean(),
    hoursAfter: z.number().min(0).max(72),
    /** A score at or below this flags the conversation for the manager. */
    lowScoreAtMost: z.number().int().min(1).max(5),
    /** A score at or above this gets the review link (when the clinic has one). */
    reviewFromScore: z.number().int().min(1).max(5),
    reviewUrl: z.string().max(300),
  }),
  texts: z.record(z.enum(VISIT_TEXT_KINDS), z.record(z.string(), z.string().max(1000))),
});

export const reminderState = z.enum(['queued', 'sent', 'delivered', 'confirmed', 'cancelled', 'no_answer', 'failed', 'unreachable']);

export const reminderLine = z.object({
  patientId: id,
  patientName: z.string(),
  day: z.string(),
  hoursBefore: z.number().int(),
  appointmentIds: z.array(id),
  sendAt: epochMs,
  channel: channel.nullable(),
  fallbackWhy: z.string().nullable(),
  language: z.string().nullable(),
  text: z.string().nullable(),
  state: reminderState,
  idempotencyKey: z.string(),
});
export type ReminderLineDto = z.infer<typeof reminderLine>;

export const visitLoopApi = {
  'reminders.day': method(z.object({ day: civilDate }).strict(), z.object({ day: z.string(), lines: z.array(reminderLine) })),
  'reminders.sendRest': method(z.object({ day: civilDate }).strict(), z.object({ queued: z.number().int().nonnegative() })),
  /** One click on a flagged answer ("sì ma posso alle 11?"): the desk says what the patient meant. */
  'visitLoop.resolve': method(z.object({ visitMessageId: id, answer: z.enum(['confirm', 'cancel']) }).strict(), ok),
  'visitLoop.settings': method(z.object({}).strict(), visitLoopSettings),
  'visitLoop.saveSettings': method(visitLoopSettings, visitLoopSettings, { role: 'manager' }),
  /** Move a visit (time and/or practitioner): a new revision, and one reschedule notice to the patient. */
  'appointments.move': method(z.object({ appointmentId: id, startsAt: epochMs, endsAt: epochMs.optional(), practitionerId: id.optional() }).strict(), ok),
  /** A visit booked at the desk: a booking confirmation goes to the patient when the clinic has it on. */
  'appointments.create': method(
    z.object({ patientId: id, practitionerId: id, startsAt: epochMs, endsAt: epochMs, type: z.string().max(200).default('') }).strict(),
    z.object({ id }),
  ),
  /** The new-visit dialog's patient picker: by name or phone digits. */
  'agenda.findPatients': method(
    z.object({ query: z.string().trim().min(1).max(100) }).strict(),
    z.object({ patients: z.array(z.object({ patientId: id, name: z.string(), phone: z.string().nullable() })) }),
  ),
  /** Send later: a composer message held until `sendAt` (clinic time picked in the UI). */
  'message.schedule': method(
    z.object({ conversationId: id, channel: channel.optional(), body: z.string().trim().min(1).max(4096), sendAt: epochMs }).strict(),
    z.object({ message: timelineMessage }),
  ),
  'message.editScheduled': method(
    z.object({ messageId: id, body: z.string().trim().min(1).max(4096).optional(), sendAt: epochMs.optional() }).strict(),
    z.object({ message: timelineMessage }),
  ),
  'message.cancelScheduled': method(z.object({ messageId: id }).strict(), z.object({ message: timelineMessage })),
} satisfies MethodMap;
