import type { Db } from '../database';

/** Practitioners and the day's appointments as the board and the planner read them. */
export interface PractitionerRow {
  id: number;
  name: string;
  room: string | null;
  colour: string;
  visit_minutes: number;
  active: number;
}

export interface BoardAppointmentRow {
  id: number;
  patient_id: number | null;
  practitioner_id: number;
  starts_at: number;
  ends_at: number;
  type: string;
  status: 'booked' | 'confirmed' | 'checked_in' | 'in_visit' | 'done' | 'no_show' | 'cancelled';
  checked_in_at: number | null;
  started_at: number | null;
  finished_at: number | null;
  notes: string;
  room: string | null;
  first_name: string | null;
  last_name: string | null;
  language: string | null;
  preferred_channel: 'whatsapp' | 'sms' | null;
}

export function activePractitioners(db: Db): PractitionerRow[] {
  return db.prepare('SELECT * FROM practitioners WHERE active = 1 ORDER BY name').all() as PractitionerRow[];
}

export function allPractitioners(db: Db): PractitionerRow[] {
  return db.prepare('SELECT * FROM practitioners ORDER BY active DESC, name').all() as PractitionerRow[];
}

export function updatePractitioner(db: Db, id: number, p: { name: string; room: string | null; colour: string; visitMinutes: number; active: boolean }): boolean {
  const r = db
    .prepare('UPDATE practitioners SET name = ?, room = ?, colour = ?, visit_minutes = ?, active = ? WHERE id = ?')
    .run(p.name, p.room, p.colour, p.visitMinutes, p.active ? 1 : 0, id);
  return r.changes > 0;
}

export function getPractitioner(db: Db, id: number): PractitionerRow | undefined {
  return db.prepare('SELECT * FROM practitioners WHERE id = ?').get(id) as PractitionerRow | undefined;
}

export function findPractitionerByName(db: Db, name: string): PractitionerRow | undefined {
  return db.prepare('SELECT * FROM practitioners WHERE name = ? COLLATE NOCASE').get(name) as PractitionerRow | undefined;
}

const BOARD_SELECT = `
  SELECT a.id, a.patient_id, a.practitioner_id, a.starts_at, a.ends_at, a.type, a.status, a.checked_in_at,
         a.started_at, a.finished_at, a.notes, a.room, p.first_name, p.last_name, p.language, p.preferred_channel
  FROM appointments a LEFT JOIN patients p ON p.id = a.patient_id`;

/** One practitioner's appointments in [from, to): served by appointments_day (practitioner_id, starts_at). */
export function appointmentsOfDay(db: Db, practitionerId: number, from: number, to: number): BoardAppointmentRow[] {
  return db
    .prepare(`${BOARD_SELECT} WHERE a.practitioner_id = ? AND a.starts_at >= ? AND a.starts_at < ? ORDER BY a.starts_at, a.id`)
    .all(practitionerId, from, to) as BoardAppointmentRow[];
}

export function getBoardAppointment(db: Db, id: number): BoardAppointmentRow | undefined {
  return db.prepare(`${BOARD_SELECT} WHERE a.id = ?`).get(id) as BoardAppointmentRow | undefined;
}

export interface StatusChange {
  status: BoardAppointmentRow['status'];
  checkedInAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
}

export function saveAppointmentStatus(db: Db, id: number, c: StatusChange): void {
  db.prepare('UPDATE appointments SET status = ?, checked_in_at = ?, started_at = ?, finished_at = ? WHERE id = ?').run(
    c.status,
    c.checkedInAt,
    c.startedAt,
    c.finishedAt,
    id,
  );
}

export interface ImportedRow {
  externalUid: string;
  patientId: number | null;
  practitionerId: number;
  startsAt: number;
  endsAt: number;
  type: string;
  notes: string;
  cancelled: boolean;
  source: string;
}

/**
 * Insert or update by external UID. An update moves time, patient and type but keeps the desk's own
 * progress (checked in, in visit…), except that a cancellation in the calendar cancels.
 */
export function upsertImported(db: Db, r: ImportedRow): 'created' | 'updated' | 'unchanged' {
  const prior = db.prepare('SELECT * FROM appointments WHERE external_uid = ?').get(r.externalUid) as
    | { id: number; patient_id: number | null; practitioner_id: number; starts_at: number; ends_at: number; type: string; notes: string; status: string }
    | undefined;
  const status = r.cancelled ? 'cancelled' : 'booked';
  if (!prior) {
    db.prepare(
      `INSERT INTO appointments (patient_id, practitioner_id, starts_at, ends_at, type, status, external_uid, source, notes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(r.patientId, r.practitionerId, r.startsAt, r.endsAt, r.type, status, r.externalUid, r.source, r.notes);
    return 'created';
  }
  const nextStatus = r.cancelled ? 'cancelled' : prior.status === 'cancelled' ? 'booked' : prior.status;
  const same =
    prior.patient_id === r.patientId && prior.practitioner_id === r.practitionerId && prior.starts_at === r.startsAt &&
    prior.ends_at === r.endsAt && prior.type === r.type && prior.notes === r.notes && prior.status === nextStatus;
  if (same) return 'unchanged';
  db.prepare(
    'UPDATE appointments SET patient_id = ?, practitioner_id = ?, starts_at = ?, ends_at = ?, type = ?, notes = ?, status = ? WHERE id = ?',
  ).run(r.patientId, r.practitionerId, r.startsAt, r.endsAt, r.type, r.notes, nextStatus, prior.id);
  return 'updated';
}
