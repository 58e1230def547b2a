import { z } from 'zod';
import { epochMs, id } from './common';
import { boardVisit } from './appointments';
import { method, type MethodMap } from './define';

const civilDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-03-24');

export const room = z.object({ id, name: z.string(), active: z.boolean() });
export type Room = z.infer<typeof room>;
export const visitType = z.object({ id, name: z.string(), minutes: z.number().int(), active: z.boolean() });
export type VisitType = z.infer<typeof visitType>;

export const agendaWeek = z.object({
  practitionerId: id,
  timeZone: z.string(),
  now: epochMs,
  /** Monday to Sunday (clinic-local YYYY-MM-DD), each with the practitioner's visits of that day. */
  days: z.array(z.object({ day: z.string(), visits: z.array(boardVisit) })).length(7),
});
export type AgendaWeek = z.infer<typeof agendaWeek>;

/** The agenda the desk edits: a practitioner's week, the edit dialog, and the catalog Settings manages. */
export const agendaApi = {
  /** The week (Monday to Sunday) containing `day`, for one practitioner. */
  'appointments.week': method(z.object({ practitionerId: id, day: civilDate }).strict(), agendaWeek),
  /** The edit dialog: time, length, practitioner, room, visit type, notes; a new time or practitioner sends one reschedule notice. */
  'appointments.update': method(
    z
      .object({
        appointmentId: id,
        startsAt: epochMs,
        endsAt: epochMs,
        practitionerId: id,
        room: z.string().trim().max(60).nullable(),
        type: z.string().trim().max(200),
        notes: z.string().max(2000),
      })
      .strict(),
    z.object({ rescheduled: z.boolean() }),
  ),
  'rooms.list': method(z.object({}).strict(), z.object({ rooms: z.array(room) })),
  'rooms.save': method(z.object({ id: id.optional(), name: z.string().trim().min(1, 'the name is empty').max(60), active: z.boolean().default(true) }).strict(), room, { role: 'manager' }),
  'visitTypes.list': method(z.object({}).strict(), z.object({ visitTypes: z.array(visitType) })),
  'visitTypes.save': method(
    z
      .object({
        id: id.optional(),
        name: z.string().trim().min(1, 'the name is empty').max(200),
        minutes: z.number().int().min(5, 'at least 5 minutes').max(480, 'at most 480 minutes'),
        active: z.boolean().default(true),
      })
      .strict(),
    visitType,
    { role: 'manager' },
  ),
} satisfies MethodMap;
