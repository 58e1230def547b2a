import type { Db } from '../database';

/** The WhatsApp auth-state table (migration 003): sealed values by (category, id). */

export interface WhatsAppAuthRecord {
  category: string;
  id: string;
  /** null deletes the row. */
  value: Buffer | null;
}

export function readAuth(db: Db, category: string, ids: readonly string[]): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (ids.length === 0) return out;
  const rows = db
    .prepare('SELECT id, value FROM whatsapp_auth WHERE category = ? AND id IN (SELECT value FROM json_each(?))')
    .all(category, JSON.stringify(ids)) as { id: string; value: Buffer }[];
  for (const r of rows) out.set(r.id, r.value);
  return out;
}

/** Writes a whole batch or nothing: Baileys' key updates must never be half applied. */
export function writeAuth(db: Db, records: readonly WhatsAppAuthRecord[], at: number): void {
  const upsert = db.prepare(
    'INSERT INTO whatsapp_auth (category, id, value, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(category, id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  const remove = db.prepare('DELETE FROM whatsapp_auth WHERE category = ? AND id = ?');
  db.transaction(() => {
    for (const r of records) {
      if (r.value) upsert.run(r.category, r.id, r.value, at);
      else remove.run(r.category, r.id);
    }
  })();
}

export function clearAuth(db: Db): void {
  db.prepare('DELETE FROM whatsapp_auth').run();
}

export function hasAuthCreds(db: Db): boolean {
  return db.prepare("SELECT 1 FROM whatsapp_auth WHERE category = 'creds' AND id = 'creds'").get() !== undefined;
}

export function authRowCount(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM whatsapp_auth').get() as { n: number }).n;
}

export function firstContactsSince(db: Db, since: number): number[] {
  return (db.prepare('SELECT sent_at FROM whatsapp_first_contacts WHERE sent_at > ? ORDER BY sent_at').all(since) as { sent_at: number }[]).map(
    (r) => r.sent_at,
  );
}

/** Records one first contact and forgets those older than `keepAfter` (only the last 24 h matter). */
export function recordFirstContact(db: Db, at: number, keepAfter: number): void {
  db.transaction(() => {
    db.prepare('INSERT INTO whatsapp_first_contacts (sent_at) VALUES (?)').run(at);
    db.prepare('DELETE FROM whatsapp_first_contacts WHERE sent_at <= ?').run(keepAfter);
  })();
}
