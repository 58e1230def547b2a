import type { SegmentDefinition } from '../../contract/campaigns';
import type { Db } from '../database';

/**
 * A segment definition compiled to one parameterised WHERE clause over `patients p`. Every criterion about visits
 * or consents is a correlated EXISTS / count on an index keyed by patient (appointments_patient, the consents'
 * primary key), so a segment costs one pass over patients whatever the size of the agenda
 * (test/main/db/repositories/segments.test.ts checks the plan).
 */

/** Visits that happened or will: not cancelled, not missed. */
const VISIT = `a.patient_id = p.id AND a.status NOT IN ('cancelled','no_show')`;

export interface CompiledSegment {
  where: string;
  args: unknown[];
}

/** `today` is the clinic's local date (YYYY-MM-DD) for ages; `now` is the instant for "next visit". */
export function compileSegment(def: SegmentDefinition, today: string, now: number, dayStart: (isoDate: string) => number): CompiledSegment {
  const parts = ['p.merged_into IS NULL', 'p.erased_at IS NULL'];
  const args: unknown[] = [];
  const list = (values: readonly unknown[]) => {
    args.push(...values);
    return values.map(() => '?').join(',');
  };
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
  if (def.practitionerIds?.length || def.visitTypes?.length) {
    const extra: string[] = [];
    if (def.practitionerIds?.length) extra.push(`a.practitioner_id IN (${list(def.practitionerIds)})`);
    if (def.visitTypes?.length) extra.push(`a.type IN (${list(def.visitTypes)})`);
    parts.push(`EXISTS (SELECT 1 FROM appointments a WHERE ${VISIT} AND ${extra.join(' AND ')})`);
  }
  if (def.visitsInPeriod) {
    parts.push(`(SELECT count(*) FROM appointments a WHERE ${VISIT} AND a.starts_at >= ? AND a.starts_at < ?) >= ?`);
    args.push(dayStart(def.visitsInPeriod.from), dayStart(nextDay(def.visitsInPeriod.to)), def.visitsInPeriod.min);
  }
  if (def.lastVisitBefore) {
    const cut = dayStart(def.lastVisitBefore);
    parts.push(`EXISTS (SELECT 1 FROM appointments a WHERE ${VISIT} AND a.starts_at < ?)`);
    parts.push(`NOT EXISTS (SELECT 1 FROM appointments a WHERE ${VISIT} AND a.starts_at >= ? AND a.starts_at < ?)`);
    args.push(cut, cut, now);
  }
  if (def.nextVisit) {
    const q = `EXISTS (SELECT 1 FROM appointments a WHERE a.patient_id = p.id AND a.status IN ('booked','confirmed') AND a.starts_at >= ?)`;
    parts.push(def.nextVisit === 'exists' ? q : `NOT ${q}`);
    args.push(now);
  }
  if (def.channelConsent) {
    const kinds = def.channelConsent === 'any' ? ['whatsapp', 'sms'] : [def.channelConsent];
    parts.push(`EXISTS (SELECT 1 FROM patient_consents c WHERE c.patient_id = p.id AND c.kind IN (${list(kinds)}) AND c.granted = 1)`);
  }
  if (def.marketingConsent !== undefined) {
    const q = `EXISTS (SELECT 1 FROM patient_consents c WHERE c.patient_id = p.id AND c.kind = 'marketing' AND c.granted = 1)`;
    parts.push(def.marketingConsent ? q : `NOT ${q}`);
  }
  return { where: parts.join(' AND '), args };
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
