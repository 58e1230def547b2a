import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallImportSummary, CallSettingsDto } from '../../../../src-main/contract/calls';
import { tempApp } from '../../../helpers/tempApp';

const REAL = readFileSync(join(__dirname, '../../../fixtures/real/calls/asterisk-numeric-trunks-Master.csv'), 'utf8');
let app: Awaited<ReturnType<typeof tempApp>>;
const call = <T>(m: string, p: unknown): Promise<T> => app.call(m, p) as Promise<T>;
beforeEach(async () => {
  app = await tempApp();
});
afterEach(() => app.cleanup());

describe('PBX call-record settings', () => {
  it('defaults: local time, no trunk names, desks of 2–4 digits', async () => {
    const s = await call<CallSettingsDto>('calls.settings', {});
    expect(s.cdr).toEqual({ timeBase: 'local', trunkPatterns: [], deskExtensions: '' });
  });

  it('are saved, validated with the field named, and used by the import', async () => {
    await expect(call('calls.saveSettings', { cdr: { timeBase: 'local', trunkPatterns: [], deskExtensions: '100-x' } })).rejects.toMatchObject({ field: 'cdr.deskExtensions' });
    await call('calls.saveSettings', { cdr: { timeBase: 'utc', trunkPatterns: [' SIP/211553 '], deskExtensions: '100-399' } });
    const s = await call<CallSettingsDto>('calls.settings', {});
    expect(s.cdr).toEqual({ timeBase: 'utc', trunkPatterns: ['SIP/211553'], deskExtensions: '100-399' });
    const r = await call<CallImportSummary>('calls.import', { fileName: 'Master.csv', content: REAL });
    expect(r).toMatchObject({ imported: 36, errors: [], skipped: [] });
    // usegmtime: the first leg's "2024-01-27 15:07:24" is UTC, whatever the clinic's zone.
    const first = app.ctx.db.prepare('SELECT MIN(started_at) AS t FROM calls').get() as { t: number };
    expect(new Date(first.t).toISOString()).toBe('2024-01-27T15:07:24.000Z');
  });
});
