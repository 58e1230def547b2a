import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('starts from the most selective rule an index answers, and tests the rest on each patient by index', () => {
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
    const c = compileSegment(everything, TODAY, NOW, dayStart);
    expect(c.startsFrom).toBe('visits in period');
    const plan = explainSegment(db, c);
    // No pass over patients: one rowid seek per patient of the window; the only scan left is a patient's own tags.
    expect(plan.filter((d) => /^SCAN /.test(d) && !/^SCAN t\b/.test(d)), plan.join('\n')).toEqual([]);
    expect(plan.some((d) => /^SEARCH p USING INTEGER PRIMARY KEY/.test(d)), plan.join('\n')).toBe(true);
    expect(plan.some((d) => /SEARCH a USING (COVERING )?INDEX appointments_start/.test(d)), plan.join('\n')).toBe(true);
    expect(plan.filter((d) => /SEARCH a (EXISTS )?USING (COVERING )?INDEX appointments_patient/.test(d)).length, plan.join('\n')).toBeGreaterThanOrEqual(3);
    expect(plan.some((d) => /SEARCH c (EXISTS )?USING (COVERING )?INDEX sqlite_autoindex_patient_consents_1/.test(d)), plan.join('\n')).toBe(true);
    void ids;
  });
});

/** One definition of every shape the builder can produce, the set it must start from, and the index it seeks. */
const SHAPES: [string, SegmentDefinition, string, RegExp | null][] = [
  ['visits in a period', { sex: ['f'], ageMin: 30, visitsInPeriod: { min: 3, from: '2026-09-29', to: '2026-11-29' }, marketingConsent: true }, 'visits in period', /SEARCH a USING (COVERING )?INDEX appointments_start/],
  ['visits in a period with everything else', { ageMin: 18, ageMax: 90, sex: ['f'], languages: ['it'], tags: ['vip'], practitionerIds: [1], visitTypes: ['controllo'], visitsInPeriod: { min: 1, from: '2026-08-01', to: '2026-11-29' }, lastVisitBefore: '2026-11-20', nextVisit: 'none', channelConsent: 'any', marketingConsent: true }, 'visits in period', /SEARCH a USING (COVERING )?INDEX appointments_start/],
  ['a next visit booked', { nextVisit: 'exists', marketingConsent: true }, 'next visit', /SEARCH a USING (COVERING )?INDEX appointments_start/],
  ['a practitioner', { practitionerIds: [2], sex: ['m'] }, 'practitioner or visit type', /SEARCH a USING (COVERING )?INDEX appointments_day/],
  ['a visit type', { visitTypes: ['igiene'] }, 'practitioner or visit type', /SEARCH a USING (COVERING )?INDEX appointments_type/],
  ['practitioner and type', { practitionerIds: [1, 2], visitTypes: ['igiene'], channelConsent: 'sms' }, 'practitioner or visit type', /SEARCH a USING (COVERING )?INDEX appointments_(day|type)/],
  ['marketing consent', { marketingConsent: true, channelConsent: 'whatsapp', ageMin: 40 }, 'consent', /SEARCH c USING (COVERING )?INDEX patient_consents_granted/],
  ['a channel consent', { channelConsent: 'any', languages: ['it'] }, 'consent', /SEARCH c USING (COVERING )?INDEX patient_consents_granted/],
  ['patient columns only', { sex: ['f'], ageMin: 30, tags: ['vip'] }, 'all patients', null],
  ['no next visit, no marketing consent', { nextVisit: 'none', marketingConsent: false }, 'all patients', null],
  ['last visit before (recall)', { lastVisitBefore: '2026-10-01', channelConsent: 'sms' }, 'consent', /SEARCH c USING (COVERING )?INDEX patient_consents_granted/],
  ['last visit before alone', { lastVisitBefore: '2026-10-01' }, 'all patients', null],
  ['everyone', {}, 'all patients', null],
];

describe('segments on the benchmark database', () => {
  const big = openDatabase(':memory:');
  const months = (n: number) => n * 30 * 86_400_000;
  beforeAll(async () => {
    const { generateClinic } = await import('../../../../src-main/bench/generator/generateClinic');
    generateClinic(big, { name: '10k', patients: 2000, messages: 4000, calls: 0, appointments: 0, heavyConversations: 0, heavyMessages: 0, heavyCalls: 0 }, NOW);
    big.prepare(`INSERT OR IGNORE INTO practitioners (id, name) VALUES (1, 'A'), (2, 'B')`).run();
    big.transaction(() => {
      const visit = big.prepare(`INSERT INTO appointments (patient_id, practitioner_id, starts_at, ends_at, type, status) VALUES (?, ?, ?, ?, ?, ?)`);
      const statuses = ['done', 'done', 'cancelled', 'no_show', 'booked', 'confirmed'];
      for (let p = 1; p <= 2000; p++) {
        big.prepare('UPDATE patients SET sex = ?, birth_date = ?, tags = ? WHERE id = ?').run(p % 2 ? 'f' : 'm', `${1940 + (p % 70)}-0${1 + (p % 9)}-1${p % 10}`, p % 5 ? '[]' : '["vip"]', p);
        if (p % 3) setConsent(big, p, 'marketing', p % 13 !== 0, NOW, 'form');
        if (p % 4) setConsent(big, p, p % 2 ? 'sms' : 'whatsapp', true, NOW, 'form');
        // Three years of visits, a few booked ahead, a quarter of the patients coming often lately; some never visit.
        for (let v = 0; v < p % 9; v++) {
          const t = p % 4 === 1 ? NOW - ((p * 31 + v * 17) % 75) * 86_400_000 : NOW - months(36) + ((p * 7919 + v * 104_729) % 1140) * 86_400_000;
          const status = t > NOW ? statuses[4 + (v % 2)]! : statuses[v % 4]!;
          visit.run(p, 1 + (v % 2), t, t + 1_800_000, v % 3 ? 'controllo' : 'igiene', status);
        }
      }
    })();
    big.exec('ANALYZE');
  });
  afterAll(() => big.close());

  /** The same question answered row by row in JavaScript, from the definition's words. */
  function brute(def: SegmentDefinition): number {
    const patients = big.prepare('SELECT id, sex, birth_date, language, tags, merged_into, erased_at FROM patients').all() as {
      id: number; sex: string | null; birth_date: string | null; language: string | null; tags: string; merged_into: number | null; erased_at: number | null;
    }[];
    const visitsOf = big.prepare('SELECT starts_at, status, practitioner_id, type FROM appointments WHERE patient_id = ?');
    const consentOf = big.prepare('SELECT kind FROM patient_consents WHERE patient_id = ? AND granted = 1');
    return patients.filter((p) => {
      if (p.merged_into !== null || p.erased_at !== null) return false;
      const age = p.birth_date ? ageOn(p.birth_date, TODAY) : null;
      if (def.ageMin !== undefined && (age === null || age < def.ageMin)) return false;
      if (def.ageMax !== undefined && (age === null || age > def.ageMax)) return false;
      if (def.sex && !def.sex.includes(p.sex as 'f')) return false;
      if (def.languages && !def.languages.includes(p.language as 'it')) return false;
      if (def.tags && !(JSON.parse(p.tags) as string[]).some((t) => def.tags!.includes(t))) return false;
      const all = visitsOf.all(p.id) as { starts_at: number; status: string; practitioner_id: number; type: string }[];
      const real = all.filter((v) => v.status !== 'cancelled' && v.status !== 'no_show');
      if (def.practitionerIds || def.visitTypes) {
        if (!real.some((v) => (!def.practitionerIds || def.practitionerIds.includes(v.practitioner_id)) && (!def.visitTypes || def.visitTypes.includes(v.type)))) return false;
      }
      if (def.visitsInPeriod) {
        const from = dayStart(def.visitsInPeriod.from);
        const to = dayStart(def.visitsInPeriod.to) + 86_400_000;
        if (real.filter((v) => v.starts_at >= from && v.starts_at < to).length < def.visitsInPeriod.min) return false;
      }
      if (def.lastVisitBefore) {
        const cut = dayStart(def.lastVisitBefore);
        const past = real.filter((v) => v.starts_at < NOW);
        if (!past.length || past.some((v) => v.starts_at >= cut)) return false;
      }
      if (def.nextVisit) {
        const next = all.some((v) => (v.status === 'booked' || v.status === 'confirmed') && v.starts_at >= NOW);
        if (next !== (def.nextVisit === 'exists')) return false;
      }
      const consents = (consentOf.all(p.id) as { kind: string }[]).map((c) => c.kind);
      if (def.channelConsent && !consents.some((k) => (def.channelConsent === 'any' ? k !== 'marketing' : k === def.channelConsent))) return false;
      if (def.marketingConsent !== undefined && consents.includes('marketing') !== def.marketingConsent) return false;
      return true;
    }).length;
  }

  it.each(SHAPES)('%s: starts from its own set, never scans patients unless it is about every patient, counts what a brute force counts', (_name, def, startsFrom, seek) => {
    const c = compileSegment(def, TODAY, NOW, dayStart);
    expect(c.startsFrom).toBe(startsFrom);
    const plan = explainSegment(big, c);
    const scans = plan.filter((d) => /^SCAN /.test(d) && !/^SCAN t\b/.test(d)); // t: a patient's own tags array
    if (startsFrom === 'all patients') {
      expect(scans, plan.join('\n')).toEqual(['SCAN p']);
    } else {
      expect(scans, plan.join('\n')).toEqual([]);
      expect(plan.some((d) => seek!.test(d)), plan.join('\n')).toBe(true);
      expect(plan.some((d) => /^SEARCH p USING INTEGER PRIMARY KEY/.test(d)), plan.join('\n')).toBe(true);
    }
    const expected = brute(def);
    expect(countSegment(big, c)).toBe(expected);
    expect(segmentPatients(big, c, 5000, 0)).toHaveLength(expected);
  });

  it('the generated data makes every shape a real test (neither empty nor everyone)', () => {
    for (const [name, def] of SHAPES) {
      if (Object.keys(def).length === 0) continue;
      const n = brute(def);
      expect(n, name).toBeGreaterThan(0);
      expect(n, name).toBeLessThan(2000);
    }
  });
});

/** Whole years of age on `today` (both YYYY-MM-DD); 29 February birthdays count on the 28th in a common year. */
function ageOn(birth: string, today: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
