import type { Db } from '../database';

/** Key/value settings stored as JSON. Typed access and defaults live in domain/settings. */
export function readSetting<T>(db: Db, key: string): T | undefined {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : undefined;
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}

export function readAllSettings(db: Db): Record<string, unknown> {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
}

/**
 * A setting validated once per stored value: paths run for every message (auto-replies, opt-out) read
 * their settings without re-parsing them. The cache is keyed by the stored JSON text, so a write through
 * any path is seen at once. Callers must not mutate the returned value.
 */
const parsedSettings = new WeakMap<Db, Map<string, { text: string | undefined; value: unknown }>>();

export function readSettingParsed<T>(db: Db, key: string, parse: (stored: unknown) => T): T {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  let cache = parsedSettings.get(db);
  if (!cache) parsedSettings.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.text === row?.value) return hit.value as T;
  const value = parse(row ? JSON.parse(row.value) : undefined);
  cache.set(key, { text: row?.value, value });
  return value;
}
