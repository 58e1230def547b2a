/**
 * Reads one practitioner's clinic day from the database and runs the pure planner and notice decision
 * over it. Shared by the preview, the send, the board and the waiting-room screen.
 */
import type { Db } from '../../db/database';
import { getPractitionerDay, lastToldEtas, noticesTodayByPatient, reachOf, type PractitionerDayRow } from '../../db/repositories/delays';
import { readSetting, writeSetting } from '../../db/repositories/settings';
import { appointmentsOfDay, getPractitioner, type BoardAppointmentRow, type PractitionerRow } from '../../db/repositories/schedule';
import { addDays, localParts, zonedToUtc } from '../hours/zonedTime';
import { getClinicSettings } from '../settings/clinicSettings';
import { notFound } from '../shared/errors';
import { planDay, type DayPlan } from './delayPlanner';
import { DEFAULT_NOTICE_POLICY, decideNotices, type NoticeCandidate, type NoticeChannel, type NoticeDecision, type NoticePolicy } from './noticeDecision';

export interface ClinicDay {
  day: string;
  from: number;
  to: number;
  timeZone: string;
}

export function clinicDay(db: Db, now: number): ClinicDay {
  const timeZone = getClinicSettings(db).timeZone;
  const day = localParts(now, timeZone).date;
  return { day, from: zonedToUtc(day, 0, timeZone), to: zonedToUtc(addDays(day, 1), 0, timeZone), timeZone };
}

export const POLICY_SETTING = 'delays.policy';

export function noticePolicy(db: Db): NoticePolicy {
  const stored = readSetting<Partial<NoticePolicy>>(db, POLICY_SETTING) ?? {};
  return { ...DEFAULT_NOTICE_POLICY, ...stored, timeZone: getClinicSettings(db).timeZone };
}

/** The clinic's rules for notices (threshold, daily cap, quiet hours); the time zone is the clinic's. */
export function saveNoticePolicy(db: Db, policy: Omit<NoticePolicy, 'timeZone'>): NoticePolicy {
  writeSetting(db, POLICY_SETTING, { thresholdMinutes: policy.thresholdMinutes, capPerPatientPerDay: policy.capPerPatientPerDay, quietHours: policy.quietHours });
  return noticePolicy(db);
}

export interface PractitionerDay {
  practitioner: PractitionerRow;
  day: ClinicDay;
  state: PractitionerDayRow | null;
  rows: BoardAppointmentRow[];
  plan: DayPlan;
}

export function loadPractitionerDay(db: Db, practitionerId: number, now: number): PractitionerDay {
  const practitioner = getPractitioner(db, practitionerId);
  if (!practitioner) throw notFound('Practitioner', practitionerId);
  const day = clinicDay(db, now);
  const state = getPractitionerDay(db, practitionerId, day.day) ?? null;
  const rows = appointmentsOfDay(db, practitionerId, day.from, day.to);
  const announced = state?.announced_minutes && state.announced_at !== null ? { minutes: state.announced_minutes, setAt: state.announced_at } : null;
  const plan = planDay({
    visits: rows.map((r) => ({ id: r.id, startsAt: r.starts_at, endsAt: r.ends_at, status: r.status, startedAt: r.started_at, finishedAt: r.finished_at })),
    now,
    announced,
  });
  return { practitioner, day, state, rows, plan };
}

/** The notice decision for the day as it stands, keyed by `revision`. */
export function decideForDay(db: Db, pd: PractitionerDay, now: number, revision: number): NoticeDecision {
  const withPatient = pd.rows.filter((r): r is BoardAppointmentRow & { patient_id: number } => r.patient_id !== null);
  const patientIds = [...new Set(withPatient.map((r) => r.patient_id))];
  const { identities, consents } = reachOf(db, patientIds);
  const told = lastToldEtas(db, withPatient.map((r) => r.id));
  const etaById = new Map(pd.plan.visits.map((v) => [v.id, v.eta]));
  const candidates: NoticeCandidate[] = withPatient.map((r) => {
    const reachable = new Set<NoticeChannel>();
    for (const i of identities) {
      if (i.patient_id !== r.patient_id) continue;
      // A phone number takes SMS and WhatsApp; a bare WhatsApp id only WhatsApp.
      reachable.add('whatsapp');
      if (i.kind === 'phone') reachable.add('sms');
    }
    const consent: Partial<Record<NoticeChannel, boolean>> = {};
    for (const c of consents) if (c.patient_id === r.patient_id && (c.kind === 'sms' || c.kind === 'whatsapp')) consent[c.kind] = c.granted === 1;
    return {
      appointmentId: r.id,
      patientId: r.patient_id,
      status: r.status,
      startsAt: r.starts_at,
      eta: etaById.get(r.id) ?? r.starts_at,
      lastToldEta: told.get(r.id) ?? null,
      patient: { language: r.language, preferredChannel: r.preferred_channel, reachable: [...reachable], consents: consent },
    };
  });
  return decideNotices({ candidates, sentToday: noticesTodayByPatient(db, pd.day.day, patientIds), now, revision, policy: noticePolicy(db) });
}
