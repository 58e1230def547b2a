/**
 * What each desk button does to an appointment, as a pure function: the board's check-in / start /
 * end / no-show / cancel and a one-step undo for the inevitable mis-click.
 */
import type { AppointmentStatus } from '../delays/delayPlanner';

export type VisitAction = 'check_in' | 'start' | 'finish' | 'no_show' | 'cancel' | 'undo';

export interface VisitState {
  status: AppointmentStatus;
  checkedInAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
}

export type TransitionResult = { ok: true; next: VisitState } | { ok: false; reason: string };

const NOT_YET_HERE: AppointmentStatus[] = ['booked', 'confirmed'];

export function applyVisitAction(s: VisitState, action: VisitAction, now: number): TransitionResult {
  const refuse = (reason: string): TransitionResult => ({ ok: false, reason });
  switch (action) {
    case 'check_in':
      if (!NOT_YET_HERE.includes(s.status)) return refuse(`cannot check in an appointment that is ${s.status}`);
      return { ok: true, next: { ...s, status: 'checked_in', checkedInAt: now } };
    case 'start':
      if (![...NOT_YET_HERE, 'checked_in'].includes(s.status)) return refuse(`cannot start a visit that is ${s.status}`);
      return { ok: true, next: { ...s, status: 'in_visit', checkedInAt: s.checkedInAt ?? now, startedAt: now } };
    case 'finish':
      if (s.status !== 'in_visit') return refuse(`cannot end a visit that is ${s.status}`);
      return { ok: true, next: { ...s, status: 'done', finishedAt: now } };
    case 'no_show':
      if (!NOT_YET_HERE.includes(s.status)) return refuse(`cannot mark as no-show an appointment that is ${s.status}`);
      return { ok: true, next: { ...s, status: 'no_show' } };
    case 'cancel':
      if (![...NOT_YET_HERE, 'checked_in'].includes(s.status)) return refuse(`cannot cancel an appointment that is ${s.status}`);
      return { ok: true, next: { ...s, status: 'cancelled' } };
    case 'undo':
      return undo(s);
  }
}

function undo(s: VisitState): TransitionResult {
  switch (s.status) {
    case 'checked_in':
      return { ok: true, next: { ...s, status: 'booked', checkedInAt: null } };
    case 'in_visit':
      return { ok: true, next: { ...s, status: 'checked_in', startedAt: null } };
    case 'done':
      return { ok: true, next: { ...s, status: 'in_visit', finishedAt: null } };
    case 'no_show':
    case 'cancelled':
      return { ok: true, next: { ...s, status: 'booked' } };
    default:
      return { ok: false, reason: `nothing to undo on an appointment that is ${s.status}` };
  }
}
