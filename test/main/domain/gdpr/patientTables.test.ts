import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src-main/db/database';
import { foreignKeyGraph, PERSON_QUERIES } from '../../../../src-main/db/repositories/gdpr';
import { LINKED_WITHOUT_FOREIGN_KEY, PATIENT_TABLES, PERSONAL_ROOTS } from '../../../../src-main/domain/gdpr/patientTables';

/**
 * Export and erasure completeness: any table of the live schema with a foreign key to patients, conversations or
 * messages (or with a personal column found by name) must be covered. Add a table with such a link and this fails
 * until domain/gdpr/patientTables.ts and db/repositories/gdpr.ts know it.
 */
describe('GDPR table coverage', () => {
  const db = openDatabase(':memory:');
  const graph = foreignKeyGraph(db);
  const tables = new Set(graph.map((g) => g.table));

  it('covers every table that references a patient, a conversation or a message', () => {
    const personal = graph.filter((g) => PERSONAL_ROOTS.includes(g.table) || g.references.some((r) => PERSONAL_ROOTS.includes(r))).map((g) => g.table);
    expect(personal.length).toBeGreaterThanOrEqual(10);
    const missing = personal.filter((t) => !(t in PATIENT_TABLES));
    expect(missing, `tables linked to a patient that the GDPR export/erasure does not know: ${missing.join(', ')}`).toEqual([]);
  });

  it('covers every table with a phone-number column', () => {
    const phoneish = graph
      .map((g) => g.table)
      .filter((t) => !t.includes('_fts'))
      .filter((t) => (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(t) as { name: string }[]).some((c) => /phone|number|jid/.test(c.name)));
    const missing = phoneish.filter((t) => !(t in PATIENT_TABLES));
    expect(missing, `tables with a phone column unknown to the GDPR answers: ${missing.join(', ')}`).toEqual([]);
  });

  it('knows only tables that exist, and has an export query for each exported one', () => {
    for (const t of [...Object.keys(PATIENT_TABLES), ...LINKED_WITHOUT_FOREIGN_KEY]) expect(tables.has(t), t).toBe(true);
    for (const [t, p] of Object.entries(PATIENT_TABLES)) {
      if (p.export && t !== 'media') expect(PERSON_QUERIES[t], `export query for ${t}`).toBeTypeOf('function');
    }
  });
});
