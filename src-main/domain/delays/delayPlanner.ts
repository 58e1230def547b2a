/**
 * The delay planner: from one practitioner's day (scheduled visits plus what really happened so far),
 * the current time and an optional announced delay, the expected start (ETA) of every visit.
 *
 * Model, kept deliberately simple so a receptionist can predict it:
 * - Reality first: visits already started fix when the practitioner becomes free (a visit in progress
 *   lasts its scheduled length, and at least until now when it runs long).
 * - Then the queue in schedule order: a waiting visit starts at its scheduled time, or when the
 *   practitioner is free, or now, whichever is latest; it then lasts its scheduled length. Gaps in the
 *   schedule therefore absorb delay, and a late start pushes every later visit.
 * - An announced delay ("+25 min") is a floor on the first waiting visit, anchored when it was said;
 *   it holds until the practitioner's real progress (a visit started or finished after it) supersedes it.
 * Cancelled visits and no-shows take no time.
 */

export type AppointmentStatus = 'booked' | 'confirmed' | 'checked_in' | 'in_visit' | 'done' | 'no_show' | 'cancelled';

export const WAITING_STATUSES: readonly AppointmentStatus[] = ['booked', 'confirmed', 'checked_in'];

export interface ScheduledVisit {
  id: number;
  startsAt: number;
  endsAt: number;
  status: AppointmentStatus;
  startedAt: number | null;
  finishedAt: number | null;
}

export interface AnnouncedDelay {
  minutes: number;
  /** When the receptionist said it; progress after this moment supersedes it. */
  setAt: number;
}

export interface PlanInput {
  visits: readonly ScheduledVisit[];
  now: number;
  announced?: AnnouncedDelay | null;
}

export type VisitPhase = 'done' | 'in_visit' | 'waiting' | 'skipped';

export interface VisitEta {
  id: number;
  phase: VisitPhase;
  /** Expected (or actual) start; the scheduled start for skipped visits. */
  eta: number;
  /** Expected (or actual) end. */
  expectedEnd: number;
  /** eta - scheduled start, never negative: nobody is called in before their time. */
  delayMs: number;
}

export interface DayPlan {
  visits: VisitEta[];
  /** Delay of the next waiting visit; 0 when the practitioner has nobody left to see. */
  currentDelayMs: number;
  /** The announced delay still in force, or null when reality has superseded it. */
  announcedInForce: AnnouncedDelay | null;
}

const MINUTE = 60_000;

function isWaiting(v: ScheduledVisit): boolean {
  return WAITING_STATUSES.includes(v.status);
}

/** A visit marked done without timestamps is taken to have kept its schedule. */
function actualSpan(v: ScheduledVisit, now: number): { start: number; end: number } {
  const length = v.endsAt - v.startsAt;
  const start = v.startedAt ?? v.startsAt;
  if (v.status === 'done') return { start, end: v.finishedAt ?? Math.max(start + length, start) };
  return { start, end: Math.max(start + length, now) };
}

function announcedInForce(visits: readonly ScheduledVisit[], announced: AnnouncedDelay | null | undefined): AnnouncedDelay | null {
  if (!announced || announced.minutes <= 0) return null;
  const progressedSince = visits.some(
    (v) => (v.startedAt !== null && v.startedAt > announced.setAt) || (v.finishedAt !== null && v.finishedAt > announced.setAt),
  );
  return progressedSince ? null : announced;
}

export function planDay(input: PlanInput): DayPlan {
  const { now } = input;
  const ordered = [...input.visits].sort((a, b) => a.startsAt - b.startsAt || a.id - b.id);
  const announced = announcedInForce(ordered, input.announced);
  const byId = new Map<number, VisitEta>();

  let free = Number.NEGATIVE_INFINITY;
  for (const v of ordered) {
    if (v.status !== 'done' && v.status !== 'in_visit') continue;
    const span = actualSpan(v, now);
    free = Math.max(free, span.end);
    byId.set(v.id, { id: v.id, phase: v.status, eta: span.start, expectedEnd: span.end, delayMs: Math.max(0, span.start - v.startsAt) });
  }

  let firstWaiting = true;
  let currentDelayMs = 0;
  for (const v of ordered) {
    if (!isWaiting(v)) {
      if (!byId.has(v.id)) byId.set(v.id, { id: v.id, phase: 'skipped', eta: v.startsAt, expectedEnd: v.startsAt, delayMs: 0 });
      continue;
    }
    let eta = Math.max(v.startsAt, free, now);
    if (firstWaiting && announced) eta = Math.max(eta, v.startsAt + announced.minutes * MINUTE);
    const expectedEnd = eta + (v.endsAt - v.startsAt);
    free = expectedEnd;
    const delayMs = eta - v.startsAt;
    if (firstWaiting) currentDelayMs = delayMs;
    firstWaiting = false;
    byId.set(v.id, { id: v.id, phase: 'waiting', eta, expectedEnd, delayMs });
  }

  const visits = input.visits.map((v) => byId.get(v.id) as VisitEta);
  return { visits, currentDelayMs, announcedInForce: announced };
}

/** Whole minutes of delay as a person would say it: rounded to the nearest 5 once above 5. */
export function spokenDelayMinutes(delayMs: number): number {
  const minutes = Math.max(0, Math.round(delayMs / MINUTE));
  return minutes <= 5 ? minutes : Math.round(minutes / 5) * 5;
}
