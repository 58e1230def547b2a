import type { Db } from '../database';

/** What the visit loop reads about a patient and their visits to write to them. */
export interface PatientReach {
  id: number;
  first_name: string;
  language: string | null;
  preferred_channel: 'whatsapp' | 'sms' | null;
  phone: string | null;
  whatsapp: string | null;
  sms_consent: number | null;
  whatsapp_consent: number | null;
  not_on_whatsapp: number;
}

export function patientReach(db: Db, patientId: number): PatientReach | undefined {
  return db
    .prepare(
      `SELECT p.id, p.first_name, p.language, p.preferred_channel,
         (SELECT value FROM patient_identities WHERE patient_id = p.id AND kind = 'phone' ORDER BY id LIMIT 1) AS phone,
         (SELECT value FROM patient_identities WHERE patient_id = p.id AND kind = 'whatsapp' ORDER BY id LIMIT 1) AS whatsapp,
         (SELECT granted FROM patient_consents WHERE patient_id = p.id AND kind = 'sms') AS sms_consent,
         (SELECT granted FROM patient_consents WHERE patient_id = p.id AND kind = 'whatsapp') AS whatsapp_consent,
         EXISTS (SELECT 1 FROM outbox o JOIN messages m ON m.id = o.message_id JOIN conversations c ON c.id = m.conversation_id
                 WHERE c.patient_id = p.id AND o.channel = 'whatsapp' AND o.last_error_code = 'not_on_whatsapp') AS not_on_whatsapp
       FROM patients p WHERE p.id = ?`,
    )
    .get(patientId) as PatientReach | undefined;
}

export interface VisitRow {
  id: number;
  patient_id: number | null;
  practitioner_id: number;
  practitioner: string;
  starts_at: number;
  ends_at: number;
  status: 'booked' | 'confirmed' | 'checked_in' | 'in_visit' | 'done' | 'no_show' | 'cancelled';
  revision: number;
  booked_at: number | null;
  finished_at: number | null;
  feedback_score: number | null;
}

const SELECT = `SELECT a.id, a.patient_id, a.practitioner_id, pr.name AS practitioner, a.starts_at, a.ends_at, a.status, a.revision,
  a.booked_at, a.finished_at, a.feedback_score FROM appointments a JOIN practitioners pr ON pr.id = a.practitioner_id`;

export function visitsByIds(db: Db, ids: readonly number[]): VisitRow[] {
  return db.prepare(`${SELECT} WHERE a.id IN (SELECT value FROM json_each(?)) ORDER BY a.starts_at`).all(JSON.stringify(ids)) as VisitRow[];
}

export function visitsStartingBetween(db: Db, from: number, to: number): VisitRow[] {
  return db.prepare(`${SELECT} WHERE a.starts_at >= ? AND a.starts_at < ? AND a.patient_id IS NOT NULL ORDER BY a.starts_at, a.id`).all(from, to) as VisitRow[];
}

export function visitsFinishedBetween(db: Db, from: number, to: number): VisitRow[] {
  return db
    .prepare(`${SELECT} WHERE a.status = 'done' AND a.finished_at >= ? AND a.finished_at < ? AND a.patient_id IS NOT NULL ORDER BY a.finished_at`)
    .all(from, to) as VisitRow[];
}

export function setVisitStatusOnly(db: Db, id: number, status: VisitRow['status']): void {
  db.prepare('UPDATE appointments SET status = ? WHERE id = ?').run(status, id);
}

export function setFeedbackScore(db: Db, id: number, score: number): void {
  db.prepare('UPDATE appointments SET feedback_score = ? WHERE id = ?').run(score, id);
}

/** Patients by name or phone digits, for the new-visit dialog (at most 10). */
export function findPatients(db: Db, query: string): Array<{ patientId: number; name: string; phone: string | null }> {
  const digits = query.replace(/\D/g, '');
  const like = `%${query.trim().replace(/[%_]/g, '')}%`;
  return db
    .prepare(
      `SELECT p.id AS patientId, trim(p.first_name || ' ' || p.last_name) AS name,
         (SELECT value FROM patient_identities WHERE patient_id = p.id AND kind = 'phone' ORDER BY id LIMIT 1) AS phone
       FROM patients p WHERE p.merged_into IS NULL AND (trim(p.first_name || ' ' || p.last_name) LIKE ? OR trim(p.last_name || ' ' || p.first_name) LIKE ?
         OR (? <> '' AND EXISTS (SELECT 1 FROM patient_identities i WHERE i.patient_id = p.id AND i.kind = 'phone' AND i.value LIKE ?)))
       ORDER BY p.last_name, p.first_name LIMIT 10`,
    )
    .all(like, like, digits, `%${digits}%`) as Array<{ patientId: number; name: string; phone: string | null }>;
}
