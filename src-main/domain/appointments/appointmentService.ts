/**
 * The day board and the desk's buttons: today's visits per practitioner with their live ETA, and the
 * status changes that feed the delay planner.
 */
import type { DayBoard, VisitAction } from '../../contract/appointments';
import { writeAudit } from '../../db/repositories/audit';
import { cancelPendingNotices, noticeCountsByAppointment } from '../../db/repositories/delays';
import { getMessage, setMessageStatus } from '../../db/repositories/messages';
import { activePractitioners, appointmentsOfDay, getBoardAppointment, saveAppointmentStatus } from '../../db/repositories/schedule';
import { spokenDelayMinutes } from '../delays/delayPlanner';
import { scheduleChanged } from '../delays/delayService';
import { clinicDay, loadPractitionerDay } from '../delays/practitionerDay';
import type { MessagingDeps } from '../messaging/messagingService';
import { publishConversation, toTimelineMessage } from '../messaging/timeline';
import { DeskError, notFound } from '../shared/errors';
import { applyVisitAction } from './visitTransitions';

/** Shown on the withdrawn message in the patient's timeline. */
const WITHDRAWN_REASON = 'Not sent: the patient had already arrived';

export function dayBoard(deps: MessagingDeps): DayBoard {
  const now = deps.clock.now();
  const day = clinicDay(deps.db, now);
  const practitioners = activePractitioners(deps.db).map((p) => {
    const pd = loadPractitionerDay(deps.db, p.id, now);
    const etas = new Map(pd.plan.visits.map((v) => [v.id, v]));
    const notices = noticeCountsByAppointment(deps.db, pd.rows.map((r) => r.id));
    return {
      id: p.id,
      name: p.name,
      room: p.room,
      colour: p.colour,
      currentDelayMinutes: spokenDelayMinutes(pd.plan.currentDelayMs),
      announcedMinutes: pd.plan.announcedInForce?.minutes ?? null,
      automatic: pd.state?.automatic === 1,
      visits: pd.rows.map((r) => {
        const eta = etas.get(r.id)!;
        return boardVisit(r, { phase: eta.phase, eta: eta.eta, delayMinutes: Math.max(0, Math.round(eta.delayMs / 60_000)), noticesSent: notices.get(r.id) ?? 0 });
      }),
    };
  });
  return { day: day.day, timeZone: day.timeZone, now, practitioners };
}

type DayRow = ReturnType<typeof appointmentsOfDay>[number];
type BoardVisit = DayBoard['practitioners'][number]['visits'][number];

/** A visit on the board from its row; `live` is what the delay planner adds (another day: nothing running late). */
export function boardVisit(r: DayRow, live: Pick<BoardVisit, 'phase' | 'eta' | 'delayMinutes' | 'noticesSent'>): BoardVisit {
  return {
    id: r.id,
    patientId: r.patient_id,
    patientName: `${r.first_name ?? ''} ${r.last_name ?? ''}`.trim(),
    language: r.language,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    type: r.type,
    room: r.room,
    notes: r.notes,
    status: r.status,
    ...live,
    checkedInAt: r.checked_in_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

/**
 * One desk button. Starting a visit ends the practitioner's previous one still open (the usual
 * forgotten "end" click), so the planner sees the practitioner busy with one patient at a time.
 */
export function setVisitStatus(deps: MessagingDeps, appointmentId: number, action: VisitAction, actor: string): void {
  const { db } = deps;
  const now = deps.clock.now();
  const withdrawn: number[] = [];
  const practitionerId = db.transaction(() => {
    const row = getBoardAppointment(db, appointmentId);
    if (!row) throw notFound('Appointment', appointmentId);
    const current = { status: row.status, checkedInAt: row.checked_in_at, startedAt: row.started_at, finishedAt: row.finished_at };
    const result = applyVisitAction(current, action, now);
    if (!result.ok) throw new DeskError('conflict', `action: ${result.reason}`, { field: 'action', reason: 'appointments.actionRefused' });
    if (action === 'start') {
      const day = clinicDay(db, now);
      for (const other of appointmentsOfDay(db, row.practitioner_id, day.from, day.to)) {
        if (other.id === row.id || other.status !== 'in_visit') continue;
        saveAppointmentStatus(db, other.id, { status: 'done', checkedInAt: other.checked_in_at, startedAt: other.started_at, finishedAt: now });
      }
    }
    saveAppointmentStatus(db, row.id, result.next);
    // Here (or not coming): a delay notice still queued for them would only confuse.
    if (result.next.status !== 'booked' && result.next.status !== 'confirmed') {
      for (const messageId of cancelPendingNotices(db, row.id, WITHDRAWN_REASON)) {
        setMessageStatus(db, messageId, 'failed', now, { failureReason: WITHDRAWN_REASON });
        withdrawn.push(messageId);
      }
    }
    writeAudit(db, now, { actor, action: `appointment.${action}`, entity: 'appointment', entityId: row.id, details: { from: row.status, to: result.next.status } });
    return row.practitioner_id;
  })();
  for (const id of withdrawn) {
    const m = getMessage(db, id);
    if (!m) continue;
    deps.events.emit('message.updated', { conversationId: m.conversation_id, message: toTimelineMessage(m) });
    publishConversation(deps, m.conversation_id);
  }
  scheduleChanged(deps, practitionerId, actor);
}
