import type { Db } from '../database';
import { fold } from '../textFold';

export interface TemplateRow {
  id: number;
  name: string;
  shortcode: string;
  category: string;
  variants: Record<string, string>;
  usageCount: number;
  starterKey: string | null;
  lastUsedAt: number | null;
  createdAt: number;
  updatedAt: number;
  /** Every shortcode, main one first, then per language. */
  shortcodes: Array<{ shortcode: string; language: string | null }>;
}

interface RawRow {
  id: number;
  name: string;
  shortcode: string;
  category: string;
  variants: string;
  usage_count: number;
  starter_key: string | null;
  last_used_at: number | null;
  created_at: number;
  updated_at: number;
}

function shortcodesOf(db: Db, templateIds: number[]): Map<number, Array<{ shortcode: string; language: string | null }>> {
  const out = new Map<number, Array<{ shortcode: string; language: string | null }>>();
  if (templateIds.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT template_id, shortcode, language FROM template_shortcodes
       WHERE template_id IN (SELECT value FROM json_each(?)) ORDER BY language IS NOT NULL, language, shortcode`,
    )
    .all(JSON.stringify(templateIds)) as Array<{ template_id: number; shortcode: string; language: string | null }>;
  for (const r of rows) {
    const list = out.get(r.template_id) ?? [];
    list.push({ shortcode: r.shortcode, language: r.language });
    out.set(r.template_id, list);
  }
  return out;
}

function toRows(db: Db, raws: RawRow[]): TemplateRow[] {
  const codes = shortcodesOf(db, raws.map((r) => r.id));
  return raws.map((r) => ({
    id: r.id,
    name: r.name,
    shortcode: r.shortcode,
    category: r.category,
    variants: JSON.parse(r.variants) as Record<string, string>,
    usageCount: r.usage_count,
    starterKey: r.starter_key,
    lastUsedAt: r.last_used_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    shortcodes: codes.get(r.id) ?? [],
  }));
}

const COLUMNS = 'id, name, shortcode, category, variants, usage_count, starter_key, last_used_at, created_at, updated_at';

/** All templates, most used first (the library and the "/" picker show them in this order). */
export function listTemplates(db: Db): TemplateRow[] {
  const raws = db.prepare(`SELECT ${COLUMNS} FROM templates ORDER BY usage_count DESC, name`).all() as RawRow[];
  return toRows(db, raws);
}

export function getTemplate(db: Db, id: number): TemplateRow | undefined {
  const raw = db.prepare(`SELECT ${COLUMNS} FROM templates WHERE id = ?`).get(id) as RawRow | undefined;
  return raw ? toRows(db, [raw])[0] : undefined;
}

/** The most used template of a category (auto-replies whose template is not chosen explicitly). */
export function firstTemplateOfCategory(db: Db, category: string): TemplateRow | undefined {
  const raw = db
    .prepare(`SELECT ${COLUMNS} FROM templates WHERE category = ? ORDER BY usage_count DESC, id LIMIT 1`)
    .get(category) as RawRow | undefined;
  return raw ? toRows(db, [raw])[0] : undefined;
}

export function countTemplates(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM templates').get() as { n: number }).n;
}

/** Which template owns a shortcode (main or per-language), if any. */
export function shortcodeOwner(db: Db, shortcode: string): number | undefined {
  const row = db.prepare('SELECT template_id FROM template_shortcodes WHERE shortcode = ?').get(shortcode) as { template_id: number } | undefined;
  return row?.template_id;
}

export interface TemplateWrite {
  name: string;
  shortcode: string;
  category: string;
  variants: Record<string, string>;
  starterKey?: string | null;
  /** Extra shortcodes per language (the main one is added by the repository). */
  languageShortcodes?: Array<{ shortcode: string; language: string }>;
}

function writeShortcodes(db: Db, id: number, t: TemplateWrite): void {
  db.prepare('DELETE FROM template_shortcodes WHERE template_id = ?').run(id);
  const insert = db.prepare('INSERT INTO template_shortcodes (shortcode, template_id, language) VALUES (?, ?, ?)');
  insert.run(t.shortcode, id, null);
  for (const s of t.languageShortcodes ?? []) {
    if (s.shortcode !== t.shortcode) insert.run(s.shortcode, id, s.language);
  }
}

export function insertTemplate(db: Db, t: TemplateWrite, at: number): number {
  const r = db
    .prepare(
      `INSERT INTO templates (name, shortcode, category, variants, starter_key, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(t.name, t.shortcode, t.category, JSON.stringify(t.variants), t.starterKey ?? null, at, at);
  const id = Number(r.lastInsertRowid);
  writeShortcodes(db, id, t);
  return id;
}

/** Replaces a template's content; its per-language shortcodes are kept unless new ones are given. */
export function updateTemplate(db: Db, id: number, t: TemplateWrite, at: number): void {
  const kept = (db.prepare('SELECT shortcode, language FROM template_shortcodes WHERE template_id = ? AND language IS NOT NULL').all(id) as Array<{
    shortcode: string;
    language: string;
  }>).filter((s) => s.shortcode !== t.shortcode);
  db.prepare('UPDATE templates SET name = ?, shortcode = ?, category = ?, variants = ?, updated_at = ? WHERE id = ?').run(
    t.name,
    t.shortcode,
    t.category,
    JSON.stringify(t.variants),
    at,
    id,
  );
  writeShortcodes(db, id, { ...t, languageShortcodes: t.languageShortcodes ?? kept });
}

export function deleteTemplate(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM templates WHERE id = ?').run(id).changes > 0;
}

export function recordTemplateUse(db: Db, id: number, at: number): void {
  db.prepare('UPDATE templates SET usage_count = usage_count + 1, last_used_at = ? WHERE id = ?').run(at, id);
}

export interface PatientBasics {
  id: number;
  firstName: string;
  lastName: string;
  language: string | null;
  phone: string | null;
}

/** What template variables and the language proposal need to know about a patient. */
export function patientBasics(db: Db, patientId: number): PatientBasics | undefined {
  const row = db
    .prepare(
      `SELECT p.id, p.first_name, p.last_name, p.language,
              (SELECT value FROM patient_identities i WHERE i.patient_id = p.id AND i.kind = 'phone' ORDER BY i.id LIMIT 1) AS phone
       FROM patients p WHERE p.id = ?`,
    )
    .get(patientId) as { id: number; first_name: string; last_name: string; language: string | null; phone: string | null } | undefined;
  return row ? { id: row.id, firstName: row.first_name, lastName: row.last_name, language: row.language, phone: row.phone } : undefined;
}

/** The patient's next appointment that still stands (appointments_patient index). */
export function nextAppointmentOf(db: Db, patientId: number, now: number): { startsAt: number; practitioner: string } | undefined {
  const row = db
    .prepare(
      `SELECT a.starts_at, pr.name FROM appointments a JOIN practitioners pr ON pr.id = a.practitioner_id
       WHERE a.patient_id = ? AND a.starts_at >= ? AND a.status IN ('booked','confirmed','checked_in')
       ORDER BY a.starts_at LIMIT 1`,
    )
    .get(patientId, now) as { starts_at: number; name: string } | undefined;
  return row ? { startsAt: row.starts_at, practitioner: row.name } : undefined;
}

/** Patients to preview a template with, by name (patients_fts), or the most recent when the query is empty. */
export function previewPatients(db: Db, query: string, limit = 20): Array<{ id: number; name: string; language: string | null }> {
  const words = query
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((w) => `"${fold(w).replace(/"/g, '""')}"*`);
  const rows = (
    words.length === 0
      ? db.prepare('SELECT id, first_name, last_name, language FROM patients WHERE merged_into IS NULL ORDER BY id DESC LIMIT ?').all(limit)
      : db
          .prepare(
            `SELECT p.id, p.first_name, p.last_name, p.language FROM patients_fts f JOIN patients p ON p.id = f.rowid
             WHERE patients_fts MATCH ? AND p.merged_into IS NULL ORDER BY rank LIMIT ?`,
          )
          .all(words.join(' '), limit)
  ) as Array<{ id: number; first_name: string; last_name: string; language: string | null }>;
  return rows.map((r) => ({ id: r.id, name: `${r.first_name} ${r.last_name}`.trim(), language: r.language }));
}

/** The conversation's patient. */
export function conversationPatient(db: Db, conversationId: number): number | undefined {
  const row = db.prepare('SELECT patient_id FROM conversations WHERE id = ?').get(conversationId) as { patient_id: number } | undefined;
  return row?.patient_id;
}
