/**
 * The agenda's edit dialog: time, length, practitioner, room, visit type and notes of one visit, saved in
 * one transaction. A new time or practitioner is a move (revision + 1, one reschedule notice); the other
 * fields are the desk's own and tell the patient nothing.
 */
import { writeAudit } from '../../db/repositories/audit';
import { saveVisitDetails } from '../../db/repositories/agendaCatalog';
import { getBoardAppointment } from '../../db/repositories/schedule';
import { publishDelays } from '../delays/waitingRoom';
import { notFound } from '../shared/errors';
import { applyMove } from './lifecycleService';
import type { VisitLoopDeps } from './visitMessaging';

export interface VisitEdit {
  appointmentId: number;
  startsAt: number;
  endsAt: number;
  practitionerId: number;
  room: string | null;
  type: string;
  notes: string;
}

export function editVisit(deps: VisitLoopDeps, req: VisitEdit, actor: string): { rescheduled: boolean } {
  const { db } = deps;
  const rescheduled = db.transaction(() => {
    const row = getBoardAppointment(db, req.appointmentId);
    if (!row) throw notFound('Appointment', req.appointmentId);
    const room = req.room && req.room.length > 0 ? req.room : null;
    if (row.room !== room || row.type !== req.type || row.notes !== req.notes) {
      saveVisitDetails(db, row.id, { room, type: req.type, notes: req.notes });
      writeAudit(db, deps.clock.now(), {
        actor,
        action: 'appointment.edit',
        entity: 'appointment',
        entityId: row.id,
        details: { from: { room: row.room, type: row.type }, to: { room, type: req.type }, notesChanged: row.notes !== req.notes },
      });
    }
    return applyMove(deps, { appointmentId: row.id, startsAt: req.startsAt, endsAt: req.endsAt, practitionerId: req.practitionerId }, actor);
  })();
  publishDelays(deps);
  return { rescheduled };
}
