/**
 * The board of a day other than today (the agenda's previous / next / date picker): the same shape as
 * today's, without the live delay planner (nothing is running late on a day that has not started).
 * Today is served by dayBoard, which knows the ETAs.
 */
import type { DayBoard } from '../../contract/appointments';
import { activePractitioners, appointmentsOfDay } from '../../db/repositories/schedule';
import { boardVisit, dayBoard } from './appointmentService';
import { addDays, localParts, zonedToUtc } from '../hours/zonedTime';
import type { MessagingDeps } from '../messaging/messagingService';
import { getClinicSettings } from '../settings/clinicSettings';

const PHASE: Record<string, DayBoard['practitioners'][number]['visits'][number]['phase']> = {
  done: 'done',
  in_visit: 'in_visit',
  cancelled: 'skipped',
  no_show: 'skipped',
};

export function agendaDay(deps: MessagingDeps, day: string): DayBoard {
  const now = deps.clock.now();
  const timeZone = getClinicSettings(deps.db).timeZone;
  if (localParts(now, timeZone).date === day) return dayBoard(deps);
  const from = zonedToUtc(day, 0, timeZone);
  const to = zonedToUtc(addDays(day, 1), 0, timeZone);
  const practitioners = activePractitioners(deps.db).map((p) => ({
    id: p.id,
    name: p.name,
    room: p.room,
    colour: p.colour,
    currentDelayMinutes: 0,
    announcedMinutes: null,
    automatic: false,
    visits: appointmentsOfDay(deps.db, p.id, from, to).map((r) =>
      boardVisit(r, { phase: PHASE[r.status] ?? 'waiting', eta: r.starts_at, delayMinutes: 0, noticesSent: 0 }),
    ),
  }));
  return { day, timeZone, now, practitioners };
}
