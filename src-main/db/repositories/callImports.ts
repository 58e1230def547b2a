import type { Db } from '../database';

export function readImportMapping(db: Db, sourceName: string): unknown {
  const row = db.prepare('SELECT mapping FROM call_import_mappings WHERE source_name = ?').get(sourceName) as { mapping: string } | undefined;
  return row ? (JSON.parse(row.mapping) as unknown) : undefined;
}

export function writeImportMapping(db: Db, sourceName: string, mapping: unknown, at: number): void {
  db.prepare(
    `INSERT INTO call_import_mappings (source_name, mapping, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(source_name) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
  ).run(sourceName, JSON.stringify(mapping), at);
}

export function deleteImportMapping(db: Db, sourceName: string): boolean {
  return db.prepare('DELETE FROM call_import_mappings WHERE source_name = ?').run(sourceName).changes === 1;
}

export function listImportMappings(db: Db): Array<{ sourceName: string; mapping: unknown; updatedAt: number }> {
  const rows = db.prepare('SELECT source_name, mapping, updated_at FROM call_import_mappings ORDER BY source_name').all() as Array<{
    source_name: string;
    mapping: string;
    updated_at: number;
  }>;
  return rows.map((r) => ({ sourceName: r.source_name, mapping: JSON.parse(r.mapping) as unknown, updatedAt: r.updated_at }));
}

export function logCallImport(
  db: Db,
  i: { fileName: string; format: string; sha256: string; imported: number; duplicates: number; errors: number; by: string },
  at: number,
): void {
  db.prepare(
    'INSERT INTO call_imports (file_name, format, file_sha256, imported, duplicates, errors, imported_by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(i.fileName, i.format, i.sha256, i.imported, i.duplicates, i.errors, i.by, at);
}
