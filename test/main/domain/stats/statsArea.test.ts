import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../../src-main/app/createApp';
import { api } from '../../../../src-main/contract';
import type { StatsResult } from '../../../../src-main/contract/stats';
import { ManualClock } from '../../../../src-main/domain/shared/clock';
import { at } from './statsFixture';

let app: App;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stats-area-'));
  app = await createApp({ dataDir: dir, startOutbox: false, backups: false, clock: new ManualClock(at('2026-03-10', '20:00')) });
});
afterAll(async () => {
  await app.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('stats API', () => {
  it('every stats method needs the manager role', () => {
    const names = Object.keys(api).filter((m) => m.startsWith('stats.'));
    expect(names.length).toBeGreaterThan(0);
    for (const m of names) expect(api[m as keyof typeof api].role, m).toBe('manager');
  });

  it('a week report in the clinic calendar, with the week before, passes the contract', async () => {
    const r = (await app.call('stats.report', { kind: 'week', date: '2026-03-11' })) as StatsResult;
    expect(r.current.period).toMatchObject({ kind: 'week', from: '2026-03-09', to: '2026-03-15', timeZone: 'Europe/Rome' });
    expect(r.previous?.period).toMatchObject({ from: '2026-03-02', to: '2026-03-08' });
    expect(r.current.daily).toHaveLength(7);
  });

  it('"today" is the clinic\'s day on the desk clock; a bad range is refused naming the field', async () => {
    const day = (await app.call('stats.daySummary', {})) as StatsResult['current'];
    expect(day.period.from).toBe('2026-03-10');
    await expect(app.call('stats.report', { kind: 'range', from: '2026-03-10', to: '2026-03-01' })).rejects.toMatchObject({ code: 'invalid_input', field: 'to' });
  });
});
