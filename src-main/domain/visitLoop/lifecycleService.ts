/**
 * Notices about a visit's life, each on/off per clinic: booking confirmation (a new future visit, from the
 * desk or an import), reschedule notice (time or practitioner changed: the appointment's revision rises),
 * cancellation notice; and the feedback request N hours after "done". One message per patient per change,
 * keyed `<kind>:<appointment>:<revision>` so a repeated change (restart, double click, re-import) sends once.
 */
import { writeAudit } from '../../db/repositories/audit';
import { getPractitioner } from '../../db/repositories/schedule';
import { visitsByIds, visitsFinishedBetween } from '../../db/repositories/visitFacts';
import { publishDelays } from '../delays/waitingRoom';
import { getBusinessHours } from '../hours/hoursService';
import { DeskError, invalidInput, notFound } from '../shared/errors';
import { isAllowed } from './sendingWindow';
import { getVisitLoopSettings } from './visitLoopSettings';
import { sendVisitMessage, type VisitLoopDeps } from './visitMessaging';

const HOUR = 3_600_000;
const FUTURE = new Set(['booked', 'confirmed']);

/** The booking confirmation of a new future visit; a question until the visit (SI/NO answers it). */
export function bookingCreated(deps: VisitLoopDeps, appointmentId: number): boolean {
  const [v] = visitsByIds(deps.db, [appointmentId]);
  if (!v || v.patient_id === null || !FUTURE.has(v.status) || v.starts_at <= deps.clock.now()) return false;
  if (!getVisitLoopSettings(deps.db).notices.bookingConfirmation) return false;
  const r = sendVisitMessage(deps, {
    kind: 'booking_confirmation',
    text: 'booking_confirmation',
    patientId: v.patient_id,
    appointmentIds: [v.id],
    idempotencyKey: `booking:${v.id}`,
    asksUntil: v.starts_at,
  });
  return r.sent && r.created;
}

/** The reschedule notice for the visit's current revision. */
export function visitRescheduled(deps: VisitLoopDeps, appointmentId: number): boolean {
  const [v] = visitsByIds(deps.db, [appointmentId]);
  if (!v || v.patient_id === null || !FUTURE.has(v.status) || v.starts_at <= deps.clock.now()) return false;
  if (!getVisitLoopSettings(deps.db).notices.reschedule) return false;
  const r = sendVisitMessage(deps, { kind: 'reschedule', text: 'reschedule', patientId: v.patient_id, appointmentIds: [v.id], idempotencyKey: `reschedule:${v.id}:${v.revision}` });
  return r.sent && r.created;
}

/** The cancellation notice (a visit cancelled by the clinic, not by the patient's own answer). */
export function visitCancelled(deps: VisitLoopDeps, appointmentId: number): boolean {
  const [v] = visitsByIds(deps.db, [appointmentId]);
  if (!v || v.patient_id === null || v.status !== 'cancelled' || v.starts_at <= deps.clock.now()) return false;
  if (!getVisitLoopSettings(deps.db).notices.cancellation) return false;
  const r = sendVisitMessage(deps, { kind: 'cancellation', text: 'cancellation', patientId: v.patient_id, appointmentIds: [v.id], idempotencyKey: `cancellation:${v.id}:${v.revision}` });
  return r.sent && r.created;
}

/** Moves a visit: new time (and practitioner), revision + 1, audit entry, one reschedule notice. */
export function moveVisit(deps: VisitLoopDeps, req: MoveRequest, actor: string): void {
  deps.db.transaction(() => applyMove(deps, req, actor))();
  publishDelays(deps);
}

export interface MoveRequest {
  appointmentId: number;
  startsAt: number;
  endsAt?: number;
  practitionerId?: number;
}

/** The move itself, inside the caller's transaction (the edit dialog saves the details in the same one); true when the patient's time or practitioner changed. */
export function applyMove(deps: VisitLoopDeps, req: MoveRequest, actor: string): boolean {
  const { db } = deps;
  const now = deps.clock.now();
  const [v] = visitsByIds(db, [req.appointmentId]);
  if (!v) throw notFound('Appointment', req.appointmentId);
  const practitionerId = req.practitionerId ?? v.practitioner_id;
  const endsAt = req.endsAt ?? req.startsAt + (v.ends_at - v.starts_at);
  if (req.startsAt === v.starts_at && endsAt === v.ends_at && practitionerId === v.practitioner_id) return false;
  if (!FUTURE.has(v.status)) throw new DeskError('conflict', `appointmentId: a visit that is ${v.status} cannot be moved`, { field: 'appointmentId', reason: 'errors-agenda:notMovable', params: { status: v.status } });
  if (!getPractitioner(db, practitionerId)) throw notFound('Practitioner', practitionerId);
  if (endsAt <= req.startsAt) throw invalidInput('endsAt', 'must be after startsAt', { reason: 'errors-agenda:endBeforeStart' });
  if (req.startsAt === v.starts_at && practitionerId === v.practitioner_id) {
    // Only the length changed: the patient's time and doctor are the same, so no revision and no notice.
    db.prepare('UPDATE appointments SET ends_at = ? WHERE id = ?').run(endsAt, v.id);
    writeAudit(db, now, { actor, action: 'appointment.resize', entity: 'appointment', entityId: v.id, details: { from: v.ends_at, to: endsAt } });
    return false;
  }
  db.prepare('UPDATE appointments SET starts_at = ?, ends_at = ?, practitioner_id = ?, revision = revision + 1 WHERE id = ?').run(req.startsAt, endsAt, practitionerId, v.id);
  writeAudit(db, now, {
    actor,
    action: 'appointment.move',
    entity: 'appointment',
    entityId: v.id,
    details: { from: { startsAt: v.starts_at, endsAt: v.ends_at, practitionerId: v.practitioner_id }, to: { startsAt: req.startsAt, endsAt, practitionerId } },
  });
  visitRescheduled(deps, v.id);
  return true;
}

/** A visit booked at the desk. */
export function createVisit(deps: VisitLoopDeps, req: { patientId: number; practitionerId: number; startsAt: number; endsAt: number; type: string }, actor: string): { id: number } {
  const { db } = deps;
  if (req.endsAt <= req.startsAt) throw invalidInput('endsAt', 'must be after startsAt', { reason: 'errors-input:endBeforeStart' });
  if (!getPractitioner(db, req.practitionerId)) throw notFound('Practitioner', req.practitionerId);
  const now = deps.clock.now();
  const id = db.transaction(() => {
    const r = db
      .prepare(`INSERT INTO appointments (patient_id, practitioner_id, starts_at, ends_at, type, status, source, booked_at) VALUES (?, ?, ?, ?, ?, 'booked', 'desk', ?)`)
      .run(req.patientId, req.practitionerId, req.startsAt, req.endsAt, req.type, now);
    const newId = Number(r.lastInsertRowid);
    writeAudit(db, now, { actor, action: 'appointment.create', entity: 'appointment', entityId: newId, details: { startsAt: req.startsAt, practitionerId: req.practitionerId } });
    bookingCreated(deps, newId);
    return newId;
  })();
  publishDelays(deps);
  return { id };
}

/** Feedback requests due: visits done at least N hours ago (within a day), sent inside the sending window. */
export function feedbackTick(deps: VisitLoopDeps): number {
  const settings = getVisitLoopSettings(deps.db);
  if (!settings.feedback.enabled) return 0;
  const now = deps.clock.now();
  if (!isAllowed(now, settings.sendingWindow, getBusinessHours(deps.db))) return 0;
  const due = now - settings.feedback.hoursAfter * HOUR;
  let queued = 0;
  // Visits that became due in the last day; a done visit whose request waited for the window goes at its opening.
  for (const v of visitsFinishedBetween(deps.db, due - 24 * HOUR, due + 1)) {
    const r = sendVisitMessage(deps, {
      kind: 'feedback',
      text: 'feedback',
      patientId: v.patient_id!,
      appointmentIds: [v.id],
      idempotencyKey: `feedback:${v.id}`,
      asksUntil: now + 72 * HOUR,
    });
    if (r.sent && r.created) queued++;
  }
  return queued;
}

/** The notices an import's changes call for, each under its own key (a re-import of the same file sends nothing). */
export function importNotices(deps: VisitLoopDeps, changes: ReadonlyArray<{ id: number; change: 'created' | 'moved' | 'cancelled' }>): number {
  let sent = 0;
  for (const c of changes) {
    const done = c.change === 'created' ? bookingCreated(deps, c.id) : c.change === 'moved' ? visitRescheduled(deps, c.id) : visitCancelled(deps, c.id);
    if (done) sent++;
  }
  return sent;
}
