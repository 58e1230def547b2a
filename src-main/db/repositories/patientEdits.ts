import type { Db } from '../database';

/** Edits of a patient record made from the patient card (the core inserts are in patients.ts). */
export function setTags(db: Db, patientId: number, tags: string[], at: number): void {
  db.prepare('UPDATE patients SET tags = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(tags), at, patientId);
}

export function identityOwner(db: Db, kind: 'phone' | 'whatsapp', value: string): { patient_id: number; first_name: string; last_name: string } | undefined {
  return db
    .prepare(
      `SELECT i.patient_id, p.first_name, p.last_name FROM patient_identities i JOIN patients p ON p.id = i.patient_id
       WHERE i.kind = ? AND i.value = ?`,
    )
    .get(kind, value) as { patient_id: number; first_name: string; last_name: string } | undefined;
}

export function removeIdentity(db: Db, patientId: number, kind: 'phone' | 'whatsapp', value: string): boolean {
  return db.prepare('DELETE FROM patient_identities WHERE patient_id = ? AND kind = ? AND value = ?').run(patientId, kind, value).changes > 0;
}

export function setIdentityLabel(db: Db, patientId: number, kind: 'phone' | 'whatsapp', value: string, label: string | null): void {
  db.prepare('UPDATE patient_identities SET label = ? WHERE patient_id = ? AND kind = ? AND value = ?').run(label, patientId, kind, value);
}
