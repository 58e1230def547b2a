/**
 * Reminders over the database: the plan of a clinic day (what the panel and `clinic-desk reminders` show),
 * the scheduler tick that sends what is due, and "send the rest now". Every send is keyed
 * `reminder:<patient>:<day>:<h>h` (outbox + visit_messages), so a tick repeated after a restart sends nothing twice.
 */
import { visitsStartingBetween } from '../../db/repositories/visitFacts';
import { visitMessagesOfDay } from '../../db/repositories/visitMessages';
import { getBusinessHours } from '../hours/hoursService';
import { addDays, zonedToUtc } from '../hours/zonedTime';
import { clinicDate, getClinicSettings } from '../settings/clinicSettings';
import { planReminders, type PlannedReminder } from './reminderPlan';
import { getVisitLoopSettings } from './visitLoopSettings';
import { channelFor, composeVisitText, sendVisitMessage, type VisitLoopDeps } from './visitMessaging';
import { visitsByIds } from '../../db/repositories/visitFacts';

export type ReminderState = 'queued' | 'sent' | 'delivered' | 'confirmed' | 'cancelled' | 'no_answer' | 'failed' | 'unreachable';

export interface ReminderLine {
  patientId: number;
  patientName: string;
  day: string;
  hoursBefore: number;
  appointmentIds: number[];
  sendAt: number;
  channel: 'whatsapp' | 'sms' | null;
  fallbackWhy: string | null;
  language: string | null;
  text: string | null;
  state: ReminderState;
  idempotencyKey: string;
}

function visitsOfDay(deps: VisitLoopDeps, day: string) {
  const tz = getClinicSettings(deps.db).timeZone;
  return visitsStartingBetween(deps.db, zonedToUtc(day, 0, tz), zonedToUtc(addDays(day, 1), 0, tz));
}

function planOfDay(deps: VisitLoopDeps, day: string): PlannedReminder[] {
  const settings = getVisitLoopSettings(deps.db);
  if (!settings.reminders.enabled) return [];
  const visits = visitsOfDay(deps, day).map((v) => ({ id: v.id, patientId: v.patient_id!, startsAt: v.starts_at, status: v.status, bookedAt: v.booked_at }));
  return planReminders({ visits, rules: settings.reminders, window: settings.sendingWindow, hours: getBusinessHours(deps.db) }).reminders;
}

/** The day's reminders, one line per patient and rule, with what happened to each. */
export function reminderLines(deps: VisitLoopDeps, day: string): ReminderLine[] {
  const now = deps.clock.now();
  const sent = new Map(visitMessagesOfDay(deps.db, 'reminder', day).map((r) => [r.idempotency_key, r]));
  return planOfDay(deps, day).map((p): ReminderLine => {
    const row = sent.get(p.idempotencyKey);
    const facts = channelFor(deps, p.patientId);
    const name = facts ? `${facts.patient.first_name}`.trim() : '';
    const patientName = (deps.db.prepare(`SELECT trim(first_name || ' ' || last_name) AS n FROM patients WHERE id = ?`).get(p.patientId) as { n: string } | undefined)?.n ?? name;
    if (row) {
      const state: ReminderState =
        row.message_id === null ? 'unreachable'
        : row.answer === 'confirmed' ? 'confirmed'
        : row.answer === 'cancelled' ? 'cancelled'
        : row.message_status === 'failed' ? 'failed'
        : row.asks_until !== null && row.asks_until <= now ? 'no_answer'
        : row.message_status === 'delivered' || row.message_status === 'read' ? 'delivered'
        : row.message_status === 'queued' ? 'queued'
        : 'sent';
      const body = row.message_id ? (deps.db.prepare('SELECT body FROM messages WHERE id = ?').get(row.message_id) as { body: string } | undefined)?.body ?? null : null;
      return { patientId: p.patientId, patientName, day, hoursBefore: p.hoursBefore, appointmentIds: p.appointmentIds, sendAt: row.created_at, channel: row.channel, fallbackWhy: row.fallback_reason, language: row.language, text: body, state, idempotencyKey: p.idempotencyKey };
    }
    const choice = facts?.choice;
    const composed = facts ? composeVisitText(deps, 'reminder', facts.patient.language, facts.patient.first_name, visitsByIds(deps.db, p.appointmentIds)) : null;
    return {
      patientId: p.patientId,
      patientName,
      day,
      hoursBefore: p.hoursBefore,
      appointmentIds: p.appointmentIds,
      sendAt: p.sendAt,
      channel: choice?.ok ? choice.channel : null,
      fallbackWhy: choice?.ok ? choice.why : null,
      language: composed?.language ?? null,
      text: composed?.text ?? null,
      state: choice?.ok ? 'queued' : 'unreachable',
      idempotencyKey: p.idempotencyKey,
    };
  });
}

function asksUntil(deps: VisitLoopDeps, p: PlannedReminder, now: number): number {
  const windowHours = getVisitLoopSettings(deps.db).replies.windowHours;
  return windowHours === null ? p.lastStartsAt : Math.min(p.lastStartsAt, now + windowHours * 3_600_000);
}

function send(deps: VisitLoopDeps, p: PlannedReminder): boolean {
  const now = deps.clock.now();
  const r = sendVisitMessage(deps, {
    kind: 'reminder',
    text: 'reminder',
    patientId: p.patientId,
    appointmentIds: p.appointmentIds,
    idempotencyKey: p.idempotencyKey,
    day: p.day,
    asksUntil: asksUntil(deps, p, now),
  });
  return r.sent && r.created;
}

/**
 * A reminder whose time passed more than this ago is not sent by the scheduler (a desk switched on in the
 * morning does not flood yesterday's reminders); the panel shows it queued and "send the rest now" sends it.
 */
export const MISSED_GRACE_MS = 60 * 60_000;

/** Sends every reminder whose time has come (and whose visits are still ahead). Returns how many were queued. */
export function reminderTick(deps: VisitLoopDeps): number {
  const now = deps.clock.now();
  const settings = getVisitLoopSettings(deps.db);
  if (!settings.reminders.enabled) return 0;
  const today = clinicDate(deps.db, now);
  const horizon = Math.ceil(Math.max(...settings.reminders.hoursBefore) / 24) + 1;
  let queued = 0;
  for (let i = 0; i <= horizon; i++) {
    const day = addDays(today, i);
    for (const p of planOfDay(deps, day)) {
      if (p.sendAt > now || now - p.sendAt > MISSED_GRACE_MS || p.firstStartsAt <= now) continue;
      if (send(deps, p)) queued++;
    }
  }
  return queued;
}

/** The panel's "send the rest now": every reminder of `day` not sent yet, whatever its planned time. */
export function sendRemainingReminders(deps: VisitLoopDeps, day: string): number {
  const now = deps.clock.now();
  let queued = 0;
  for (const p of planOfDay(deps, day)) {
    if (p.firstStartsAt <= now) continue;
    if (send(deps, p)) queued++;
  }
  return queued;
}
