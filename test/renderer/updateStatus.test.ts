import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { updateStatus, type ShellUpdates } from '../../src-renderer/views/setup/updateStatus';

const base: ShellUpdates = { mode: { on: true, channel: 'stable' }, lastCheckAt: null, nextCheckAt: 1, available: null, downloaded: null, lastError: null };
const locales = ['it', 'pl', 'en'].map((l) => JSON.parse(fs.readFileSync(path.join(__dirname, `../../src-renderer/i18n/locales/${l}/setup.json`), 'utf8')) as Record<string, unknown>);
const has = (tree: Record<string, unknown>, key: string): boolean => typeof key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], tree) === 'string';

describe('Settings → This desk: the update sentence', () => {
  const cases: Array<[ShellUpdates | null, string]> = [
    [null, 'updates.unknown'],
    [base, 'updates.waiting'],
    [{ ...base, lastCheckAt: 5 }, 'updates.upToDate'],
    [{ ...base, lastCheckAt: 5, lastError: 'offline' }, 'updates.offline'],
    [{ ...base, available: '0.2.0' }, 'updates.downloading'],
    [{ ...base, available: '0.2.0', downloaded: '0.2.0' }, 'updates.downloaded'],
    ...['it-off', 'config-unreadable', 'development', 'msi', 'package-manager', 'no-feed'].map((reason): [ShellUpdates, string] => [{ ...base, mode: { on: false, reason } }, `updates.off.${reason}`]),
  ];
  it.each(cases)('%j → %s, written in it, pl and en', (u, key) => {
    expect(updateStatus(u).key).toBe(key);
    for (const l of locales) expect(has(l, key)).toBe(true);
  });
});
