import type { Db } from '../database';

export interface NewAppointment {
  patientId: number | null;
  practitionerId: number;
  startsAt: number;
  endsAt: number;
  type?: string;
  status?: string;
  externalUid?: string | null;
  source?: string;
}

export function insertPractitioner(db: Db, p: { name: string; room?: string; colour?: string; visitMinutes?: number }): number {
  const r = db
    .prepare('INSERT INTO practitioners (name, room, colour, visit_minutes) VALUES (?, ?, ?, ?)')
    .run(p.name, p.room ?? null, p.colour ?? '#2563eb', p.visitMinutes ?? 30);
  return Number(r.lastInsertRowid);
}

export function insertAppointment(db: Db, a: NewAppointment): number {
  const r = db
    .prepare(
      `INSERT INTO appointments (patient_id, practitioner_id, starts_at, ends_at, type, status, external_uid, source)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(a.patientId, a.practitionerId, a.startsAt, a.endsAt, a.type ?? '', a.status ?? 'booked', a.externalUid ?? null, a.source ?? 'desk');
  return Number(r.lastInsertRowid);
}

export interface PatientAppointmentRow {
  id: number;
  starts_at: number;
  ends_at: number;
  type: string;
  status: string;
  practitioner: string;
  feedback_score: number | null;
}

export function appointmentsOfPatient(db: Db, patientId: number, limit = 20): PatientAppointmentRow[] {
  return db
    .prepare(
      `SELECT a.id, a.starts_at, a.ends_at, a.type, a.status, a.feedback_score, p.name AS practitioner
       FROM appointments a JOIN practitioners p ON p.id = a.practitioner_id
       WHERE a.patient_id = ? ORDER BY a.starts_at DESC LIMIT ?`,
    )
    .all(patientId, limit) as PatientAppointmentRow[];
}
