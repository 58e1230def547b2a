/**
 * One practitioner's week (Monday to Sunday, clinic-local days) for the agenda's week view. Each day is
 * read like another day's board: the visits as they are booked, without the live delay planner.
 */
import type { AgendaWeek } from '../../contract/agenda';
import { appointmentsOfDay, getPractitioner } from '../../db/repositories/schedule';
import { addDays, isoWeekdayIndex, zonedToUtc } from '../hours/zonedTime';
import type { MessagingDeps } from '../messaging/messagingService';
import { getClinicSettings } from '../settings/clinicSettings';
import { notFound } from '../shared/errors';
import { boardVisit } from './appointmentService';

const PHASE: Record<string, 'done' | 'in_visit' | 'skipped'> = { done: 'done', in_visit: 'in_visit', cancelled: 'skipped', no_show: 'skipped' };

/** The Monday of the week that contains `day`. */
export const weekStart = (day: string): string => addDays(day, -isoWeekdayIndex(day));

export function agendaWeek(deps: MessagingDeps, practitionerId: number, day: string): AgendaWeek {
  if (!getPractitioner(deps.db, practitionerId)) throw notFound('Practitioner', practitionerId);
  const timeZone = getClinicSettings(deps.db).timeZone;
  const monday = weekStart(day);
  const days = Array.from({ length: 7 }, (_, i) => {
    const d = addDays(monday, i);
    const rows = appointmentsOfDay(deps.db, practitionerId, zonedToUtc(d, 0, timeZone), zonedToUtc(addDays(d, 1), 0, timeZone));
    return { day: d, visits: rows.map((r) => boardVisit(r, { phase: PHASE[r.status] ?? 'waiting', eta: r.starts_at, delayMinutes: 0, noticesSent: 0 })) };
  });
  return { practitionerId, timeZone, now: deps.clock.now(), days };
}
