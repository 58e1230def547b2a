import { describe, expect, it } from 'vitest';
import type { SegmentDefinition } from '../../../../src-main/contract/campaigns';
import { openDatabase, type Db } from '../../../../src-main/db/database';
import { compileSegment, countSegment, explainSegment, segmentPatients } from '../../../../src-main/db/repositories/segments';
import { insertPatient, setConsent } from '../../../../src-main/db/repositories/patients';

const NOW = Date.UTC(2026, 10, 29, 10, 0); // 29 Nov 2026
const TODAY = '2026-11-29';
const dayStart = (d: string) => Date.parse(`${d}T00:00:00Z`);
const at = (d: string) => Date.parse(`${d}T09:00:00Z`);

/**
 * Seven hand-built patients, each made to fall in or out of one criterion:
 * Anna (f, 45, it, tags vip, 3 visits in Oct with Rossi, next visit booked, marketing + whatsapp)
 * Bruno (m, 30 tomorrow, pl, one visit in 2024 with Bianchi "igiene", sms only)
 * Carla (f, 30 today, en, tags [vip, orto], 1 visit Oct cancelled, marketing withdrawn)
 * Dario (m, no birth date, it, never visited)
 * Elena (f, 70, it, 2 visits Oct (one no-show), 1 in Sept; marketing + sms)
 * Fabio (merged into Anna: never in a segment)  Gina (erased: never in a segment)
 */
function fixture(): { db: Db; ids: Record<string, number> } {
  const db = openDatabase(':memory:');
  db.prepare(`INSERT INTO practitioners (id, name) VALUES (1, 'Dr. Rossi'), (2, 'Dr. Bianchi')`).run();
  const ids: Record<string, number> = {};
  const add = (name: string, p: Parameters<typeof insertPatient>[1]) => (ids[name] = insertPatient(db, { firstName: name, ...p }, NOW));
  add('Anna', { sex: 'f', birthDate: '1981-03-10', language: 'it', tags: ['vip'] });
  add('Bruno', { sex: 'm', birthDate: '1996-11-30', language: 'pl' });
  add('Carla', { sex: 'f', birthDate: '1996-11-29', language: 'en', tags: ['vip', 'orto'] });
  add('Dario', { sex: 'm', language: 'it' });
  add('Elena', { sex: 'f', birthDate: '1956-01-01', language: 'it' });
  add('Fabio', { sex: 'm', birthDate: '1981-01-01', language: 'it', tags: ['vip'] });
  add('Gina', { sex: 'f', birthDate: '1981-01-01', language: 'it', tags: ['vip'] });
  db.prepare('UPDATE patients SET merged_into = ? WHERE id = ?').run(ids.Anna, ids.Fabio);
  db.prepare('UPDATE patients SET erased_at = ? WHERE id = ?').run(NOW, ids.Gina);
  const visit = (who: string, pr: number, day: string, type = 'controllo', status = 'done') =>
    db.prepare(`INSERT INTO appointments (patient_id, practitioner_id, starts_at, ends_at, type, status) VALUES (?, ?, ?, ?, ?, ?)`).run(ids[who], pr, at(day), at(day) + 1_800_000, type, status);
  visit('Anna', 1, '2026-10-02');
  visit('Anna', 1, '2026-10-09');
  visit('Anna', 1, '2026-10-16');
  visit('Anna', 1, '2026-12-10', 'controllo', 'booked');
  visit('Bruno', 2, '2024-05-05', 'igiene');
  visit('Carla', 1, '2026-10-05', 'controllo', 'cancelled');
  visit('Elena', 2, '2026-10-01');
  visit('Elena', 2, '2026-10-20', 'controllo', 'no_show');
  visit('Elena', 2, '2026-09-15');
  visit('Fabio', 1, '2026-10-03');
  setConsent(db, ids.Anna!, 'marketing', true, NOW, 'form');
  setConsent(db, ids.Anna!, 'whatsapp', true, NOW, 'form');
  setConsent(db, ids.Bruno!, 'sms', true, NOW, 'form');
  setConsent(db, ids.Carla!, 'marketing', false, NOW, 'desk');
  setConsent(db, ids.Elena!, 'marketing', true, NOW, 'form');
  setConsent(db, ids.Elena!, 'sms', true, NOW, 'form');
  return { db, ids };
}

const { db, ids } = fixture();
const names = (def: SegmentDefinition): string[] => {
  const c = compileSegment(def, TODAY, NOW, dayStart);
  const list = segmentPatients(db, c, 100, 0).map((p) => p.first_name).sort();
  expect(countSegment(db, c)).toBe(list.length);
  return list;
};

describe('segments', () => {
  it.each<[string, SegmentDefinition, string[]]>([
    ['everyone live (merged and erased records never count)', {}, ['Anna', 'Bruno', 'Carla', 'Dario', 'Elena']],
    ['age from 30: a birthday today counts, tomorrow does not', { ageMin: 30 }, ['Anna', 'Carla', 'Elena']],
    ['age up to 29', { ageMax: 29 }, ['Bruno']],
    ['women over 30 with at least 3 visits in 2 months', { sex: ['f'], ageMin: 30, visitsInPeriod: { min: 3, from: '2026-10-01', to: '2026-11-29' } }, ['Anna']],
    ['visits in a period skip cancelled and missed ones', { visitsInPeriod: { min: 1, from: '2026-10-01', to: '2026-10-31' } }, ['Anna', 'Elena']],
    ['language', { languages: ['pl', 'en'] }, ['Bruno', 'Carla']],
    ['any of the tags', { tags: ['orto'] }, ['Carla']],
    ['practitioner', { practitionerIds: [2] }, ['Bruno', 'Elena']],
    ['visit type', { visitTypes: ['igiene'] }, ['Bruno']],
    ['practitioner and type together', { practitionerIds: [1], visitTypes: ['igiene'] }, []],
    ['last visit before a date (recall)', { lastVisitBefore: '2026-01-01' }, ['Bruno']],
    ['last visit before a date: a missed visit after it is not a visit', { lastVisitBefore: '2026-10-10' }, ['Bruno', 'Elena']],
    ['last visit before a date: a visit on that day excludes', { lastVisitBefore: '2026-10-01' }, ['Bruno']],
    ['next visit exists', { nextVisit: 'exists' }, ['Anna']],
    ['no next visit', { nextVisit: 'none' }, ['Bruno', 'Carla', 'Dario', 'Elena']],
    ['channel consent sms', { channelConsent: 'sms' }, ['Bruno', 'Elena']],
    ['any channel consent', { channelConsent: 'any' }, ['Anna', 'Bruno', 'Elena']],
    ['marketing consent granted (withdrawn does not count)', { marketingConsent: true }, ['Anna', 'Elena']],
    ['no marketing consent', { marketingConsent: false }, ['Bruno', 'Carla', 'Dario']],
  ])('%s', (_name, def, expected) => {
    expect(names(def)).toEqual(expected);
  });

  it('answers every criterion from indexes keyed by patient: one pass over patients, no scan of visits or consents', () => {
    const everything: SegmentDefinition = {
      ageMin: 18,
      sex: ['f'],
      languages: ['it'],
      tags: ['vip'],
      practitionerIds: [1],
      visitTypes: ['controllo'],
      visitsInPeriod: { min: 2, from: '2026-09-01', to: '2026-11-29' },
      lastVisitBefore: '2026-11-01',
      nextVisit: 'none',
      channelConsent: 'any',
      marketingConsent: true,
    };
    const plan = explainSegment(db, compileSegment(everything, TODAY, NOW, dayStart));
    const scans = plan.filter((d) => /^SCAN /.test(d));
    // The only full scans: the patients table itself and a patient's own tags array (json_each).
    expect(scans.every((d) => /^SCAN (p|t|json_each)\b/.test(d)), plan.join('\n')).toBe(true);
    expect(plan.filter((d) => /SEARCH a (EXISTS )?USING (COVERING )?INDEX appointments_patient/.test(d)).length, plan.join('\n')).toBeGreaterThanOrEqual(4);
    expect(plan.some((d) => /SEARCH c (EXISTS )?USING (COVERING )?INDEX sqlite_autoindex_patient_consents_1/.test(d)), plan.join('\n')).toBe(true);
    void ids;
  });
});

describe('segments on the benchmark database', () => {
  it('keeps the same index plan at scale (bench patients + a year of visits and consents) and counts what a brute force counts', async () => {
    const { generateClinic } = await import('../../../../src-main/bench/generator/generateClinic');
    const big = openDatabase(':memory:');
    generateClinic(big, { name: '10k', patients: 2000, messages: 4000, calls: 0, appointments: 0, heavyConversations: 0, heavyMessages: 0, heavyCalls: 0 }, NOW);
    big.prepare(`INSERT OR IGNORE INTO practitioners (id, name) VALUES (1, 'A'), (2, 'B')`).run();
    big.transaction(() => {
      const visit = big.prepare(`INSERT INTO appointments (patient_id, practitioner_id, starts_at, ends_at, type, status) VALUES (?, ?, ?, ?, ?, ?)`);
      for (let p = 1; p <= 2000; p++) {
        big.prepare('UPDATE patients SET sex = ?, birth_date = ? WHERE id = ?').run(p % 2 ? 'f' : 'm', `${1940 + (p % 70)}-0${1 + (p % 9)}-1${p % 10}`, p);
        if (p % 3) setConsent(big, p, 'marketing', true, NOW, 'form');
        for (let v = 0; v < p % 7; v++) {
          const t = NOW - 86_400_000 - ((p + v * 13) % 120) * 86_400_000;
          visit.run(p, 1 + (v % 2), t, t + 1_800_000, v % 2 ? 'igiene' : 'controllo', v === 3 ? 'cancelled' : 'done');
        }
      }
    })();
    big.exec('ANALYZE');
    const def: SegmentDefinition = { sex: ['f'], ageMin: 30, visitsInPeriod: { min: 3, from: '2026-09-29', to: '2026-11-29' }, marketingConsent: true, nextVisit: 'none' };
    const c = compileSegment(def, TODAY, NOW, dayStart);
    const plan = explainSegment(big, c);
    expect(plan.filter((d) => /^SCAN /.test(d)), plan.join('\n')).toEqual(['SCAN p']);
    expect(plan.filter((d) => /appointments_patient/.test(d)), plan.join('\n')).toHaveLength(2);
    // The same question answered row by row in JavaScript.
    const from = dayStart('2026-09-29');
    const to = dayStart('2026-11-30');
    const brute = (big.prepare('SELECT id, sex, birth_date FROM patients').all() as { id: number; sex: string; birth_date: string }[]).filter((p) => {
      const visits = big.prepare(`SELECT starts_at, status FROM appointments WHERE patient_id = ?`).all(p.id) as { starts_at: number; status: string }[];
      const inPeriod = visits.filter((v) => v.starts_at >= from && v.starts_at < to && v.status !== 'cancelled' && v.status !== 'no_show').length;
      const marketing = big.prepare(`SELECT 1 FROM patient_consents WHERE patient_id = ? AND kind = 'marketing' AND granted = 1`).get(p.id) !== undefined;
      return p.sex === 'f' && p.birth_date <= '1996-11-29' && inPeriod >= 3 && marketing;
    }).length;
    expect(brute).toBeGreaterThan(0);
    expect(countSegment(big, c)).toBe(brute);
    big.close();
  });
});
