import type { Db } from '../../src-main/db/database';
import { saveTemplate } from '../../src-main/domain/templates/templateService';

export const phoneOf = (i: number): string => `+39347${String(1_000_000 + i).padStart(7, '0')}`;

/**
 * n patients with an SMS number, SMS and marketing consent, half Italian and half Polish; `refuse` lists indexes
 * made to be refused, each for a reason (no marketing consent, withdrawn, SMS STOP, no channel consent).
 */
export function seedCampaignClinic(db: Db, n: number, at: number, refuse: Record<number, 'no_marketing' | 'withdrawn' | 'stop' | 'no_channel'> = {}): number[] {
  const ids: number[] = [];
  db.transaction(() => {
    const patient = db.prepare(`INSERT INTO patients (first_name, last_name, language, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`);
    const identity = db.prepare(`INSERT INTO patient_identities (patient_id, kind, value, created_at) VALUES (?, 'phone', ?, ?)`);
    const consent = db.prepare(`INSERT INTO patient_consents (patient_id, kind, granted, at, source) VALUES (?, ?, ?, ?, ?)`);
    for (let i = 0; i < n; i++) {
      const id = Number(patient.run(`Nome${i}`, `Cognome${i}`, i % 2 ? 'pl' : 'it', at, at).lastInsertRowid);
      ids.push(id);
      identity.run(id, phoneOf(i), at);
      const r = refuse[i];
      if (r === 'stop') consent.run(id, 'sms', 0, at, 'opt-out keyword');
      else if (r !== 'no_channel') consent.run(id, 'sms', 1, at, 'form');
      if (r === 'withdrawn') consent.run(id, 'marketing', 0, at, 'desk');
      else if (r !== 'no_marketing') consent.run(id, 'marketing', 1, at, 'form');
    }
  })();
  return ids;
}

export function campaignTemplate(db: Db, at: number): number {
  return saveTemplate(
    db,
    {
      name: 'New address',
      shortcode: 'newaddress',
      category: 'general',
      variants: { it: 'Gentile {{patient.first_name}}, da lunedì ci trovate in via Roma 1. {{clinic.name}}', pl: 'Dzień dobry {{patient.first_name}}, od poniedziałku jesteśmy przy via Roma 1. {{clinic.name}}' },
    },
    at,
  ).template.id;
}
