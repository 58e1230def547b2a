import type { Db } from '../database';

/**
 * The facts behind the set-up wizard's optional steps: what the clinic has really done, read from the
 * tables the channels write (never a flag the wizard sets by itself).
 */
export function hasImportedAppointments(db: Db): boolean {
  return db.prepare("SELECT 1 FROM appointments WHERE source = 'import' LIMIT 1").get() !== undefined;
}

export function hasCallImports(db: Db): boolean {
  return db.prepare('SELECT 1 FROM call_imports WHERE imported > 0 OR duplicates > 0 LIMIT 1').get() !== undefined;
}
