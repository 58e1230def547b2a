import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { updateStatus, type ShellUpdates } from '../../src-renderer/views/setup/updateStatus';

const base: ShellUpdates = { mode: { on: true, channel: 'stable' }, lastCheckAt: null, nextCheckAt: 1, checking: false, available: null, percent: null, downloaded: null, lastError: null, error: null };
const LOCALES = path.join(__dirname, '../../src-renderer/i18n/locales');
/** "ns:a.b" (or "a.b" in setup) exists as a string in it, pl and en. */
const written = (key: string): boolean =>
  ['it', 'pl', 'en'].every((l) => {
    const [ns, rest] = key.includes(':') ? key.split(':') : ['setup', key];
    const tree = JSON.parse(fs.readFileSync(path.join(LOCALES, l, `${ns}.json`), 'utf8')) as Record<string, unknown>;
    return typeof rest!.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], tree) === 'string';
  });
const failed = (reason: string, params: Record<string, number> = {}): ShellUpdates['error'] => ({ code: 'update_failed', reason: `errors-updates:${reason}`, params, message: 'x' });

describe('Settings → This desk: the update sentence', () => {
  const cases: Array<[ShellUpdates | null, string]> = [
    [null, 'updates.unknown'],
    [base, 'updates.waiting'],
    [{ ...base, lastCheckAt: 5 }, 'updates.upToDate'],
    [{ ...base, checking: true }, 'desk-updates:checking'],
    [{ ...base, available: '0.2.0' }, 'updates.downloading'],
    [{ ...base, available: '0.2.0', percent: 42 }, 'desk-updates:downloadingPercent'],
    [{ ...base, available: '0.2.0', downloaded: '0.2.0' }, 'updates.downloaded'],
    // Ready on quit wins over a later check that is running or failed.
    [{ ...base, downloaded: '0.2.0', checking: true, error: failed('offline') }, 'updates.downloaded'],
    ...['offline', 'notPublished', 'signature', 'corrupt', 'disk', 'permission', 'unknown'].map((r): [ShellUpdates, string] => [{ ...base, lastCheckAt: 5, lastError: 'x', error: failed(r) }, `errors-updates:${r}`]),
    [{ ...base, lastCheckAt: 5, lastError: 'x', error: failed('refused', { status: 403 }) }, 'errors-updates:refused'],
    // A state from a shell older than the live push (no error value): still a sentence.
    [{ ...base, lastCheckAt: 5, lastError: 'offline' }, 'updates.offline'],
    ...(['it-off', 'config-unreadable', 'development', 'msi', 'package-manager', 'no-feed'] as const).map((reason): [ShellUpdates, string] => [{ ...base, mode: { on: false, reason } }, `updates.off.${reason}`]),
  ];
  it.each(cases)('%j → %s, written in it, pl and en', (u, key) => {
    expect(updateStatus(u).key).toBe(key);
    expect(written(key)).toBe(true);
  });

  it('the percentage is given only while downloading, and the HTTP status reaches the sentence', () => {
    expect(updateStatus({ ...base, available: '0.2.0', percent: 42 })).toEqual({ key: 'desk-updates:downloadingPercent', params: { version: '0.2.0', percent: 42 }, percent: 42 });
    expect(updateStatus({ ...base, error: failed('refused', { status: 403 }) }).params).toEqual({ status: 403, channel: 'stable' });
    expect(written('desk-updates:progressLabel') && written('desk-updates:retry')).toBe(true);
  });
});
