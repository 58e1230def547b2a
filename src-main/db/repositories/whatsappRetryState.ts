import type { Db } from '../database';

/** Baileys' retry counts and the content of sent messages for resends (migration 120). */

export function readRetryCount(db: Db, key: string, now: number): string | null {
  const row = db.prepare('SELECT value, expires_at FROM whatsapp_retry_counts WHERE key = ?').get(key) as { value: string; expires_at: number } | undefined;
  if (!row) return null;
  if (row.expires_at <= now) {
    db.prepare('DELETE FROM whatsapp_retry_counts WHERE key = ?').run(key);
    return null;
  }
  return row.value;
}

/** Upserts one count and drops expired ones, so the table stays as small as Baileys' own cache. */
export function writeRetryCount(db: Db, key: string, value: string, expiresAt: number, now: number): void {
  db.transaction(() => {
    db.prepare('INSERT INTO whatsapp_retry_counts (key, value, expires_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at').run(key, value, expiresAt);
    db.prepare('DELETE FROM whatsapp_retry_counts WHERE expires_at <= ?').run(now);
  })();
}

export function deleteRetryCount(db: Db, key: string): void {
  db.prepare('DELETE FROM whatsapp_retry_counts WHERE key = ?').run(key);
}

export function clearRetryCounts(db: Db): void {
  db.prepare('DELETE FROM whatsapp_retry_counts').run();
}

export function saveSentContent(db: Db, providerId: string, content: Buffer, at: number, keepSince: number): void {
  db.transaction(() => {
    db.prepare('INSERT INTO whatsapp_sent_content (provider_id, content, sent_at) VALUES (?, ?, ?) ON CONFLICT(provider_id) DO UPDATE SET content = excluded.content, sent_at = excluded.sent_at').run(providerId, content, at);
    db.prepare('DELETE FROM whatsapp_sent_content WHERE sent_at < ?').run(keepSince);
  })();
}

export function loadSentContent(db: Db, providerId: string): Buffer | null {
  const row = db.prepare('SELECT content FROM whatsapp_sent_content WHERE provider_id = ?').get(providerId) as { content: Buffer } | undefined;
  return row?.content ?? null;
}
