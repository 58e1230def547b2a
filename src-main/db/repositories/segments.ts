import type { SegmentDefinition } from '../../contract/campaigns';
import type { Db } from '../database';

/**
 * A segment definition compiled to one parameterised WHERE clause over `patients p`.
 *
 * The query starts from the smallest set of patients an index can name (`startsFrom`), then checks every other
 * criterion on each of them through an index keyed by patient (appointments_patient, the consents' primary key):
 * 1. visits in a period: the window of appointments_start, grouped by patient (a few weeks of the agenda);
 * 2. a next visit booked: the future of appointments_start;
 * 3. a practitioner or a visit type: appointments_day / appointments_type (migration 200);
 * 4. a granted consent (marketing first, then channel): patient_consents_granted (migration 200);
 * 5. otherwise the segment is about every patient (age, sex, language, tags, "no next visit", "last visit
 *    before", no marketing consent): one pass over patients is the answer, and the bench says so.
 * A driving rule becomes `p.id IN (…)` (a list built once, then one rowid seek per patient) and is not repeated as a
 * correlated test. test/main/db/repositories/segments.test.ts checks the plan of every shape and compares the counts
 * with a brute force on generated data.
 */

/** Visits that happened or will: not cancelled, not missed. */
const VISIT_STATUS = `a.status NOT IN ('cancelled','no_show')`;
const VISIT = `a.patient_id = p.id AND ${VISIT_STATUS}`;
const BOOKED = `a.status IN ('booked','confirmed')`;

export type SegmentStart = 'visits in period' | 'next visit' | 'practitioner or visit type' | 'consent' | 'all patients';

export interface CompiledSegment {
  where: string;
  args: unknown[];
  /** The set the query reads first; 'all patients' reads the patients table once. */
  startsFrom: SegmentStart;
}

/** `today` is the clinic's local date (YYYY-MM-DD) for ages; `now` is the instant for "next visit". */
export function compileSegment(def: SegmentDefinition, today: string, now: number, dayStart: (isoDate: string) => number): CompiledSegment {
  const start = startOf(def);
  const driver: { sql: string; args: unknown[] } | null = driverOf(def, start, now, dayStart);
  const parts = ['p.merged_into IS NULL', 'p.erased_at IS NULL'];
  const args: unknown[] = [];
  const list = binder(args);
  // Age a ≤ age ⇔ born on or before today minus a years; age ≤ b ⇔ born after today minus (b+1) years.
  if (def.ageMin !== undefined) {
    parts.push('p.birth_date IS NOT NULL AND p.birth_date <= ?');
    args.push(yearsBefore(today, def.ageMin));
  }
  if (def.ageMax !== undefined) {
    parts.push('p.birth_date IS NOT NULL AND p.birth_date > ?');
    args.push(yearsBefore(today, def.ageMax + 1));
  }
  if (def.sex?.length) parts.push(`p.sex IN (${list(def.sex)})`);
  if (def.languages?.length) parts.push(`p.language IN (${list(def.languages)})`);
  if (def.tags?.length) parts.push(`EXISTS (SELECT 1 FROM json_each(p.tags) t WHERE t.value IN (${list(def.tags)}))`);
  if ((def.practitionerIds?.length || def.visitTypes?.length) && start !== 'practitioner or visit type') {
    parts.push(`EXISTS (SELECT 1 FROM appointments a WHERE ${VISIT} AND ${visitWith(def, list)})`);
  }
  if (def.visitsInPeriod && start !== 'visits in period') {
    parts.push(`(SELECT count(*) FROM appointments a WHERE ${VISIT} AND a.starts_at >= ? AND a.starts_at < ?) >= ?`);
    args.push(dayStart(def.visitsInPeriod.from), dayStart(nextDay(def.visitsInPeriod.to)), def.visitsInPeriod.min);
  }
  if (def.lastVisitBefore) {
    const cut = dayStart(def.lastVisitBefore);
    parts.push(`EXISTS (SELECT 1 FROM appointments a WHERE ${VISIT} AND a.starts_at < ?)`);
    parts.push(`NOT EXISTS (SELECT 1 FROM appointments a WHERE ${VISIT} AND a.starts_at >= ? AND a.starts_at < ?)`);
    args.push(cut, cut, now);
  }
  if (def.nextVisit && start !== 'next visit') {
    const q = `EXISTS (SELECT 1 FROM appointments a WHERE a.patient_id = p.id AND ${BOOKED} AND a.starts_at >= ?)`;
    parts.push(def.nextVisit === 'exists' ? q : `NOT ${q}`);
    args.push(now);
  }
  // The consent the query started from (marketing when both are asked) is not tested again.
  const drivenByMarketing = start === 'consent' && def.marketingConsent === true;
  if (def.channelConsent && !(start === 'consent' && !drivenByMarketing)) {
    const kinds = def.channelConsent === 'any' ? ['whatsapp', 'sms'] : [def.channelConsent];
    parts.push(`EXISTS (SELECT 1 FROM patient_consents c WHERE c.patient_id = p.id AND c.kind IN (${list(kinds)}) AND c.granted = 1)`);
  }
  if (def.marketingConsent !== undefined && !drivenByMarketing) {
    const q = `EXISTS (SELECT 1 FROM patient_consents c WHERE c.patient_id = p.id AND c.kind = 'marketing' AND c.granted = 1)`;
    parts.push(def.marketingConsent ? q : `NOT ${q}`);
  }
  if (!driver) return { where: parts.join(' AND '), args, startsFrom: start };
  return { where: [`p.id IN (${driver.sql})`, ...parts].join(' AND '), args: [...driver.args, ...args], startsFrom: start };
}

/** The most selective rule an index can answer on its own (the order of the list above). */
function startOf(def: SegmentDefinition): SegmentStart {
  if (def.visitsInPeriod) return 'visits in period';
  if (def.nextVisit === 'exists') return 'next visit';
  if (def.practitionerIds?.length || def.visitTypes?.length) return 'practitioner or visit type';
  if (def.marketingConsent === true || def.channelConsent) return 'consent';
  return 'all patients';
}

function driverOf(def: SegmentDefinition, start: SegmentStart, now: number, dayStart: (isoDate: string) => number): { sql: string; args: unknown[] } | null {
  const args: unknown[] = [];
  const list = binder(args);
  switch (start) {
    case 'visits in period': {
      const v = def.visitsInPeriod!;
      args.push(dayStart(v.from), dayStart(nextDay(v.to)), v.min);
      // INDEXED BY: with statistics (ANALYZE) SQLite would rather walk appointments_patient in patient order to skip
      // the GROUP BY sort, reading the whole agenda; the window is a few weeks of it.
      return { sql: `SELECT a.patient_id FROM appointments a INDEXED BY appointments_start WHERE a.starts_at >= ? AND a.starts_at < ? AND ${VISIT_STATUS} GROUP BY a.patient_id HAVING count(*) >= ?`, args };
    }
    case 'next visit':
      args.push(now);
      return { sql: `SELECT a.patient_id FROM appointments a INDEXED BY appointments_start WHERE a.starts_at >= ? AND ${BOOKED}`, args };
    case 'practitioner or visit type':
      return { sql: `SELECT a.patient_id FROM appointments a WHERE ${visitWith(def, list)} AND ${VISIT_STATUS}`, args };
    case 'consent': {
      const kinds = def.marketingConsent === true ? ['marketing'] : def.channelConsent === 'any' ? ['whatsapp', 'sms'] : [def.channelConsent!];
      return { sql: `SELECT c.patient_id FROM patient_consents c WHERE c.kind IN (${list(kinds)}) AND c.granted = 1`, args };
    }
    case 'all patients':
      return null;
  }
}

/** Placeholders for a list of values, whose values go to `args` in the order the SQL names them. */
function binder(args: unknown[]): (values: readonly unknown[]) => string {
  return (values) => {
    args.push(...values);
    return values.map(() => '?').join(',');
  };
}

function visitWith(def: SegmentDefinition, list: (values: readonly unknown[]) => string): string {
  const extra: string[] = [];
  if (def.practitionerIds?.length) extra.push(`a.practitioner_id IN (${list(def.practitionerIds)})`);
  if (def.visitTypes?.length) extra.push(`a.type IN (${list(def.visitTypes)})`);
  return extra.join(' AND ');
}

function yearsBefore(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  // 29 February minus a non-leap number of years: the 28th, so the birthday counts on the 28th (as the law does in it/pl).
  const day = m === 2 && d === 29 && !isLeap(y - years) ? 28 : d;
  return `${String(y - years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function nextDay(isoDate: string): string {
  const t = Date.parse(`${isoDate}T12:00:00Z`) + 24 * 3600 * 1000;
  return new Date(t).toISOString().slice(0, 10);
}

export function countSegment(db: Db, c: CompiledSegment): number {
  return (db.prepare(`SELECT count(*) AS n FROM patients p WHERE ${c.where}`).get(...c.args) as { n: number }).n;
}

export interface SegmentPatientRow {
  id: number;
  first_name: string;
  last_name: string;
  language: string | null;
  birth_date: string | null;
}

export function segmentPatients(db: Db, c: CompiledSegment, limit: number, offset: number): SegmentPatientRow[] {
  return db
    .prepare(`SELECT p.id, p.first_name, p.last_name, p.language, p.birth_date FROM patients p WHERE ${c.where} ORDER BY p.last_name, p.first_name, p.id LIMIT ? OFFSET ?`)
    .all(...c.args, limit, offset) as SegmentPatientRow[];
}

export function explainSegment(db: Db, c: CompiledSegment): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM patients p WHERE ${c.where}`).all(...c.args) as { detail: string }[]).map((r) => r.detail);
}

/** Materialises the audience of a campaign in one statement: the order of `seq` is the dispatch order. */
export function materialiseRecipients(db: Db, campaignId: number, c: CompiledSegment): number {
  return db
    .prepare(
      `INSERT INTO campaign_recipients (campaign_id, patient_id, seq)
       SELECT ?, p.id, row_number() OVER (ORDER BY p.id) FROM patients p WHERE ${c.where}`,
    )
    .run(campaignId, ...c.args).changes;
}

export interface SavedSegmentRow {
  id: number;
  name: string;
  definition: string;
  updated_at: number;
}

export function listSavedSegments(db: Db): SavedSegmentRow[] {
  return db.prepare('SELECT id, name, definition, updated_at FROM segments ORDER BY name').all() as SavedSegmentRow[];
}

export function saveSegment(db: Db, s: { id?: number | undefined; name: string; definition: string; by: string }, at: number): number {
  if (s.id) {
    db.prepare('UPDATE segments SET name = ?, definition = ?, updated_at = ? WHERE id = ?').run(s.name, s.definition, at, s.id);
    return s.id;
  }
  return Number(db.prepare('INSERT INTO segments (name, definition, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(s.name, s.definition, s.by, at, at).lastInsertRowid);
}

export function deleteSegment(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM segments WHERE id = ?').run(id).changes > 0;
}

export function getSavedSegment(db: Db, id: number): SavedSegmentRow | undefined {
  return db.prepare('SELECT id, name, definition, updated_at FROM segments WHERE id = ?').get(id) as SavedSegmentRow | undefined;
}
