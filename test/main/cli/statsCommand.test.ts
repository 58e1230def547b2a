import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src-main/app/createApp';
import { statsCommand } from '../../../src-main/cli/commands/stats';
import type { StatsResult } from '../../../src-main/contract/stats';
import { DAY, writeFixtureDay } from '../domain/stats/fixtureDay';

let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stats-cli-'));
  // The clinic's stored hours are the default Italian week (Mon–Fri 08:00–19:00): the same as the hand count.
  const app = await createApp({ dataDir: dir, startOutbox: false });
  writeFixtureDay(app.ctx.db);
  await app.stop();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(values: Record<string, string | boolean>): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await statsCommand.run({ values: { data: dir, ...values }, positionals: [] }, { out: (l) => out.push(l), err: () => undefined });
  return { code, out: out.join('\n') };
}

describe('clinic-desk stats', () => {
  it('--json prints the figures of the fixture day, as counted by hand', async () => {
    const { code, out } = await run({ from: DAY, to: DAY, json: true });
    expect(code).toBe(0);
    const r = JSON.parse(out) as StatsResult;
    expect(r.current.period).toMatchObject({ from: DAY, to: DAY });
    expect(r.current.responsiveness.frt).toEqual({ n: 3, medianMs: 60 * 60_000, p90Ms: 820 * 60_000 });
    expect(r.current.phone).toMatchObject({ total: 6, missed: 2, calledBack: 1, neverCalledBack: 2 });
    expect(r.current.contacts.map((c) => c.messagesIn)).toEqual([4, 2, 0]);
    expect(r.previous?.period.from).toBe('2026-03-09');
  });

  it('--csv prints every table with its name in the first column', async () => {
    const { out } = await run({ from: DAY, to: DAY, csv: true });
    const lines = out.split('\r\n');
    expect(lines[0]).toBe('table,channel,newConversations,messagesIn,messagesOut,messagesOutAutomatic,callsIn,callsOut');
    expect(lines[1]).toBe('contacts,whatsapp,1,4,3,1,1,0');
    expect(lines).toContain('responsiveness,frt,3,60,820');
    expect(lines).toContain('delays,Dr Bianchi,4,3,10,20,33.3');
    expect(lines).toContain('sms,smsapi,2,3');
  });

  it('prints readable tables with the previous period in brackets', async () => {
    const { out } = await run({ from: DAY, to: DAY });
    expect(out).toContain('Clinic Desk statistics 2026-03-10 (Europe/Rome)');
    expect(out).toMatch(/phone\s+1\s+\(0\)\s+0 \(0\)\s+0 \(0\)\s+0 \(0\)\s+5 \(1\)\s+1 \(0\)/);
  });
});
