import type { Db } from '../database';

export interface PractitionerDayRow {
  practitioner_id: number;
  day: string;
  revision: number;
  announced_minutes: number | null;
  announced_at: number | null;
  automatic: 0 | 1;
  updated_at: number;
}

export function getPractitionerDay(db: Db, practitionerId: number, day: string): PractitionerDayRow | undefined {
  return db.prepare('SELECT * FROM practitioner_days WHERE practitioner_id = ? AND day = ?').get(practitionerId, day) as PractitionerDayRow | undefined;
}

export interface RevisionChange {
  practitionerId: number;
  day: string;
  reason: string;
  actor: string;
  at: number;
  /** undefined keeps the current announcement; null clears it. */
  announcedMinutes?: number | null;
  automatic?: boolean;
}

/** Records a change of the practitioner's delay state as a new revision and returns the day's state. */
export function recordRevision(db: Db, c: RevisionChange): PractitionerDayRow {
  const prior = getPractitionerDay(db, c.practitionerId, c.day);
  const announced = c.announcedMinutes === undefined ? (prior?.announced_minutes ?? null) : c.announcedMinutes;
  const announcedAt = c.announcedMinutes === undefined ? (prior?.announced_at ?? null) : c.announcedMinutes === null ? null : c.at;
  const automatic = c.automatic === undefined ? (prior?.automatic ?? 0) : c.automatic ? 1 : 0;
  const rev = db
    .prepare('INSERT INTO delay_revisions (practitioner_id, day, reason, announced_minutes, actor, at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(c.practitionerId, c.day, c.reason, announced, c.actor, c.at);
  db.prepare(
    `INSERT INTO practitioner_days (practitioner_id, day, revision, announced_minutes, announced_at, automatic, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (practitioner_id, day) DO UPDATE SET revision = excluded.revision, announced_minutes = excluded.announced_minutes,
       announced_at = excluded.announced_at, automatic = excluded.automatic, updated_at = excluded.updated_at`,
  ).run(c.practitionerId, c.day, Number(rev.lastInsertRowid), announced, announcedAt, automatic, c.at);
  return getPractitionerDay(db, c.practitionerId, c.day)!;
}

/** The ETA each appointment's patient was last told (latest notice per appointment). */
export function lastToldEtas(db: Db, appointmentIds: readonly number[]): Map<number, number> {
  if (appointmentIds.length === 0) return new Map();
  const rows = db
    .prepare(
      `SELECT n.appointment_id, n.eta FROM delay_notices n
       WHERE n.id IN (SELECT max(id) FROM delay_notices WHERE appointment_id IN (SELECT value FROM json_each(?)) GROUP BY appointment_id)`,
    )
    .all(JSON.stringify(appointmentIds)) as { appointment_id: number; eta: number }[];
  return new Map(rows.map((r) => [r.appointment_id, r.eta]));
}

export function noticesTodayByPatient(db: Db, day: string, patientIds: readonly number[]): Map<number, number> {
  if (patientIds.length === 0) return new Map();
  const rows = db
    .prepare(`SELECT patient_id, count(*) AS n FROM delay_notices WHERE day = ? AND patient_id IN (SELECT value FROM json_each(?)) GROUP BY patient_id`)
    .all(day, JSON.stringify(patientIds)) as { patient_id: number; n: number }[];
  return new Map(rows.map((r) => [r.patient_id, r.n]));
}

export function noticeCountsByAppointment(db: Db, appointmentIds: readonly number[]): Map<number, number> {
  if (appointmentIds.length === 0) return new Map();
  const rows = db
    .prepare(`SELECT appointment_id, count(*) AS n FROM delay_notices WHERE appointment_id IN (SELECT value FROM json_each(?)) GROUP BY appointment_id`)
    .all(JSON.stringify(appointmentIds)) as { appointment_id: number; n: number }[];
  return new Map(rows.map((r) => [r.appointment_id, r.n]));
}

export function noticeExists(db: Db, idempotencyKey: string): boolean {
  return db.prepare('SELECT 1 FROM delay_notices WHERE idempotency_key = ?').get(idempotencyKey) !== undefined;
}

export interface NewNotice {
  appointmentId: number;
  patientId: number;
  revisionId: number;
  day: string;
  kind: 'delay' | 'on_time';
  channel: 'whatsapp' | 'sms';
  language: string | null;
  eta: number;
  previousEta: number;
  messageId: number;
  idempotencyKey: string;
  at: number;
}

export function insertNotice(db: Db, n: NewNotice): void {
  db.prepare(
    `INSERT INTO delay_notices (appointment_id, patient_id, revision_id, day, kind, channel, language, eta, previous_eta, message_id, idempotency_key, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(n.appointmentId, n.patientId, n.revisionId, n.day, n.kind, n.channel, n.language, n.eta, n.previousEta, n.messageId, n.idempotencyKey, n.at);
}

/** The clinic's delay template variants ({language: body}), the first of category "delay". */
export function delayTemplateVariants(db: Db): Record<string, string> | null {
  const row = db.prepare(`SELECT variants FROM templates WHERE category = 'delay' ORDER BY id LIMIT 1`).get() as { variants: string } | undefined;
  return row ? (JSON.parse(row.variants) as Record<string, string>) : null;
}

export interface ReachRow {
  patient_id: number;
  kind: string;
  value: string | null;
  granted: number | null;
}

/** Identities and consents of the given patients, for the notice decision. */
export function reachOf(db: Db, patientIds: readonly number[]): { identities: ReachRow[]; consents: ReachRow[] } {
  const ids = JSON.stringify(patientIds);
  const identities = db
    .prepare(`SELECT patient_id, kind, value, NULL AS granted FROM patient_identities WHERE patient_id IN (SELECT value FROM json_each(?))`)
    .all(ids) as ReachRow[];
  const consents = db
    .prepare(`SELECT patient_id, kind, NULL AS value, granted FROM patient_consents WHERE patient_id IN (SELECT value FROM json_each(?))`)
    .all(ids) as ReachRow[];
  return { identities, consents };
}

/**
 * Delay notices of this appointment still waiting in the outbox (not yet handed to a provider): cancelled,
 * with their message ids, so a patient who has just arrived is not told to come later.
 */
export function cancelPendingNotices(db: Db, appointmentId: number, reason: string): number[] {
  const rows = db
    .prepare(
      `SELECT o.id, o.message_id FROM outbox o JOIN delay_notices n ON n.idempotency_key = o.idempotency_key
       WHERE n.appointment_id = ? AND o.status = 'pending'`,
    )
    .all(appointmentId) as { id: number; message_id: number | null }[];
  const cancel = db.prepare(`UPDATE outbox SET status = 'cancelled', last_error = ?, last_error_code = 'withdrawn' WHERE id = ? AND status = 'pending'`);
  for (const r of rows) cancel.run(reason, r.id);
  return rows.flatMap((r) => (r.message_id === null ? [] : [r.message_id]));
}
