import type { Db } from '../database';

export interface PhoneOwner {
  patient_id: number;
  first_name: string;
  last_name: string;
  value: string;
}

/** Live patients with a phone number ending in these digits (the national part of a number typed without its country code). */
export function phonesEndingWith(db: Db, digits: string, limit = 3): PhoneOwner[] {
  if (!/^\d{6,}$/.test(digits)) return [];
  return db
    .prepare(
      `SELECT i.patient_id, p.first_name, p.last_name, i.value FROM patient_identities i JOIN patients p ON p.id = i.patient_id
       WHERE i.kind = 'phone' AND i.value LIKE ? AND p.merged_into IS NULL ORDER BY i.patient_id LIMIT ?`,
    )
    .all(`%${digits}`, limit) as PhoneOwner[];
}
