/**
 * Who gets a reminder, about which visits, when. Pure. One reminder per patient per clinic day and rule
 * (24 h, optionally 48 h), listing every visit of theirs that day, timed from the first one. Visits booked
 * less than N hours ahead are left out (the booking itself was the reminder). The ideal time moves to the
 * next allowed time (window, open days); when that would be too close to the visit, to the last allowed
 * time before it instead (a Monday 08:30 visit is reminded on Saturday, not at 09:00 on Monday).
 */
import type { BusinessHours } from '../hours/businessHours';
import { localParts } from '../hours/zonedTime';
import { nextAllowed, previousAllowed, type SendingWindow } from './sendingWindow';

const HOUR = 3_600_000;
/** A reminder later than this before the first visit is no longer worth sending. */
export const MIN_LEAD_MS = 2 * HOUR;

export interface ReminderVisit {
  id: number;
  patientId: number;
  startsAt: number;
  status: string;
  bookedAt: number | null;
}

export interface ReminderRules {
  hoursBefore: readonly number[];
  skipIfBookedWithinHours: number;
}

export interface PlannedReminder {
  patientId: number;
  /** Clinic-local day of the visits. */
  day: string;
  hoursBefore: number;
  appointmentIds: number[];
  firstStartsAt: number;
  lastStartsAt: number;
  sendAt: number;
  /** The time the rule asked for, before the window moved it. */
  idealAt: number;
  idempotencyKey: string;
}

export interface SkippedReminder {
  patientId: number;
  day: string;
  appointmentIds: number[];
  reason: 'booked_late' | 'no_window';
}

export const reminderKey = (patientId: number, day: string, hoursBefore: number): string => `reminder:${patientId}:${day}:${hoursBefore}h`;

const REMINDABLE = new Set(['booked', 'confirmed']);

export function planReminders(input: { visits: readonly ReminderVisit[]; rules: ReminderRules; window: SendingWindow; hours: BusinessHours }): {
  reminders: PlannedReminder[];
  skipped: SkippedReminder[];
} {
  const { rules, window, hours } = input;
  const tz = hours.timeZone;
  const groups = new Map<string, { patientId: number; day: string; visits: ReminderVisit[]; late: ReminderVisit[] }>();
  for (const v of input.visits) {
    if (!REMINDABLE.has(v.status)) continue;
    const day = localParts(v.startsAt, tz).date;
    const key = `${v.patientId}|${day}`;
    const g = groups.get(key) ?? { patientId: v.patientId, day, visits: [], late: [] };
    const bookedLate = v.bookedAt !== null && v.startsAt - v.bookedAt < rules.skipIfBookedWithinHours * HOUR;
    (bookedLate ? g.late : g.visits).push(v);
    groups.set(key, g);
  }
  const reminders: PlannedReminder[] = [];
  const skipped: SkippedReminder[] = [];
  for (const g of groups.values()) {
    if (g.visits.length === 0) {
      skipped.push({ patientId: g.patientId, day: g.day, appointmentIds: g.late.map((v) => v.id), reason: 'booked_late' });
      continue;
    }
    const visits = [...g.visits].sort((a, b) => a.startsAt - b.startsAt || a.id - b.id);
    const first = visits[0]!.startsAt;
    const last = visits[visits.length - 1]!.startsAt;
    for (const h of [...new Set(rules.hoursBefore)].sort((a, b) => b - a)) {
      const idealAt = first - h * HOUR;
      let sendAt = nextAllowed(idealAt, window, hours);
      if (sendAt === null || sendAt > first - MIN_LEAD_MS) sendAt = previousAllowed(idealAt, window, hours);
      const ids = visits.map((v) => v.id);
      if (sendAt === null) {
        skipped.push({ patientId: g.patientId, day: g.day, appointmentIds: ids, reason: 'no_window' });
        continue;
      }
      reminders.push({ patientId: g.patientId, day: g.day, hoursBefore: h, appointmentIds: ids, firstStartsAt: first, lastStartsAt: last, sendAt, idealAt, idempotencyKey: reminderKey(g.patientId, g.day, h) });
    }
  }
  reminders.sort((a, b) => a.sendAt - b.sendAt || a.patientId - b.patientId);
  return { reminders, skipped };
}
