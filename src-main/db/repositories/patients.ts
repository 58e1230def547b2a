import type { Db } from '../database';

export interface PatientRow {
  id: number;
  first_name: string;
  last_name: string;
  language: string | null;
  preferred_channel: 'whatsapp' | 'sms' | null;
  birth_date: string | null;
  sex: 'f' | 'm' | 'x' | null;
  notes: string;
  tags: string;
  merged_into: number | null;
  /** Set when the record was erased on the patient's request (migration 100). */
  erased_at?: number | null;
  created_at: number;
  updated_at: number;
}

export interface IdentityRow {
  id: number;
  patient_id: number;
  kind: 'phone' | 'whatsapp';
  value: string;
  label: string | null;
}

export interface ConsentRow {
  kind: 'whatsapp' | 'sms' | 'marketing';
  granted: 0 | 1;
  at: number;
  source: string;
}

export interface NewPatient {
  firstName?: string;
  lastName?: string;
  language?: string | null;
  preferredChannel?: 'whatsapp' | 'sms' | null;
  birthDate?: string | null;
  sex?: 'f' | 'm' | 'x' | null;
  notes?: string;
  tags?: string[];
}

export function insertPatient(db: Db, p: NewPatient, at: number): number {
  const r = db
    .prepare(
      `INSERT INTO patients (first_name, last_name, language, preferred_channel, birth_date, sex, notes, tags, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      p.firstName ?? '',
      p.lastName ?? '',
      p.language ?? null,
      p.preferredChannel ?? null,
      p.birthDate ?? null,
      p.sex ?? null,
      p.notes ?? '',
      JSON.stringify(p.tags ?? []),
      at,
      at,
    );
  return Number(r.lastInsertRowid);
}

export function getPatient(db: Db, id: number): PatientRow | undefined {
  return db.prepare('SELECT * FROM patients WHERE id = ?').get(id) as PatientRow | undefined;
}

const UPDATABLE = {
  firstName: 'first_name',
  lastName: 'last_name',
  language: 'language',
  preferredChannel: 'preferred_channel',
  notes: 'notes',
  birthDate: 'birth_date',
} as const;

export function updatePatient(
  db: Db,
  id: number,
  changes: Partial<Record<keyof typeof UPDATABLE, string | null>>,
  at: number,
): void {
  const entries = Object.entries(changes).filter(([k, v]) => k in UPDATABLE && v !== undefined);
  if (entries.length === 0) return;
  const sets = entries.map(([k]) => `${UPDATABLE[k as keyof typeof UPDATABLE]} = ?`).join(', ');
  db.prepare(`UPDATE patients SET ${sets}, updated_at = ? WHERE id = ?`).run(...entries.map(([, v]) => v), at, id);
}

export function addIdentity(db: Db, patientId: number, kind: 'phone' | 'whatsapp', value: string, at: number, label?: string): void {
  db.prepare(
    'INSERT INTO patient_identities (patient_id, kind, value, label, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(kind, value) DO NOTHING',
  ).run(patientId, kind, value, label ?? null, at);
}

export function findPatientByIdentity(db: Db, kind: 'phone' | 'whatsapp', value: string): number | undefined {
  const row = db.prepare('SELECT patient_id FROM patient_identities WHERE kind = ? AND value = ?').get(kind, value) as
    | { patient_id: number }
    | undefined;
  return row?.patient_id;
}

export function identitiesOf(db: Db, patientId: number): IdentityRow[] {
  return db
    .prepare('SELECT id, patient_id, kind, value, label FROM patient_identities WHERE patient_id = ? ORDER BY id')
    .all(patientId) as IdentityRow[];
}

export function setConsent(db: Db, patientId: number, kind: ConsentRow['kind'], granted: boolean, at: number, source: string): void {
  db.prepare(
    `INSERT INTO patient_consents (patient_id, kind, granted, at, source) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(patient_id, kind) DO UPDATE SET granted = excluded.granted, at = excluded.at, source = excluded.source`,
  ).run(patientId, kind, granted ? 1 : 0, at, source);
}

export function consentsOf(db: Db, patientId: number): ConsentRow[] {
  return db.prepare('SELECT kind, granted, at, source FROM patient_consents WHERE patient_id = ? ORDER BY kind').all(patientId) as ConsentRow[];
}
