import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { masterCsvOfRows } from '../../../../src-main/bench/importStall';
import type { CallImportSummary } from '../../../../src-main/contract/calls';
import { tempApp } from '../../../helpers/tempApp';

// The import thread is the bundled file (`npm run build`; `npm test` builds first). From the TypeScript
// sources there is none and calls.import runs on the request thread: the baseline this test compares with.
const ENTRY = path.resolve(__dirname, '../../../..', process.env.CLINIC_DESK_OUT ?? 'out', 'main/callImportThread.js');
const built = fs.existsSync(ENTRY);
if (!built) console.warn(`importThread.test: ${ENTRY} is missing; run \`npm run build\` to test the call import thread.`);

type TempApp = Awaited<ReturnType<typeof tempApp>>;
const apps: TempApp[] = [];
afterEach(async () => {
  delete process.env.CLINIC_DESK_IMPORT_THREAD;
  for (const a of apps.splice(0)) await a.cleanup();
});

async function appWith(thread: boolean): Promise<TempApp> {
  if (thread) process.env.CLINIC_DESK_IMPORT_THREAD = ENTRY;
  else delete process.env.CLINIC_DESK_IMPORT_THREAD;
  const app = await tempApp();
  apps.push(app);
  return app;
}

const FIXTURE = fs.readFileSync(path.resolve(__dirname, '../../../fixtures/calls/freepbx-Master.csv'), 'utf8');
const rowsOf = (app: TempApp): unknown[] =>
  app.ctx.db.prepare('SELECT dedupe_key, direction, result, started_at, ring_seconds, talk_seconds, patient_id FROM calls ORDER BY dedupe_key').all();
const tasksOf = (app: TempApp): unknown[] => app.ctx.db.prepare('SELECT phone, missed_count, close_reason FROM callback_tasks ORDER BY phone, first_missed_at').all();

describe.skipIf(!built)('calls.import on the import thread', () => {
  it('answers and stores exactly what the request-thread import does, and replays its events', async () => {
    const here = await appWith(false);
    const there = await appWith(true);
    const events: string[] = [];
    there.ctx.events.onAny((name) => events.push(name));
    // The real FreePBX sample, then this morning's calls (recent missed calls open callback tasks).
    const morning = masterCsvOfRows(200, there.clock.now() - 4 * 3_600_000);
    for (const content of [FIXTURE, morning]) {
      const r = { fileName: 'Master.csv', content };
      expect(await there.call('calls.import', r)).toEqual(await here.call('calls.import', r));
    }
    const req = { fileName: 'Master.csv', content: morning };
    expect(rowsOf(there)).toEqual(rowsOf(here));
    expect(rowsOf(there).length).toBeGreaterThan(150);
    expect(tasksOf(there)).toEqual(tasksOf(here));
    expect(tasksOf(there).length).toBeGreaterThan(0);
    expect(events).toContain('calls.callbacksChanged');
    // The request thread's connection sees the thread's commit; the same file again adds nothing.
    const again = (await there.call('calls.import', req)) as CallImportSummary;
    expect(again).toMatchObject({ imported: 0, alreadyStored: 200 - Math.ceil(200 / 97) });
  });

  it('a dry run and a refused file leave no rows; errors come back as the same values', async () => {
    const app = await appWith(true);
    const dry = (await app.call('calls.import', { fileName: 'Master.csv', content: FIXTURE, dryRun: true })) as CallImportSummary;
    expect(dry.imported).toBeGreaterThan(0);
    expect(rowsOf(app)).toEqual([]);
    await expect(app.call('calls.import', { fileName: 'x.csv', content: 'a,b\n1,2\n', format: 'generic', mappingSource: 'nope' })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'mappingSource',
      reason: 'calls.mappingUnknown',
    });
    expect(rowsOf(app)).toEqual([]);
  });

  it('the request thread keeps reading and writing while a big file goes in', async () => {
    const app = await appWith(true);
    const importing = app.call('calls.import', { fileName: 'Master.csv', content: masterCsvOfRows(20_000) });
    // Writes on the request thread wait for the thread's one transaction (BEGIN IMMEDIATE) and then succeed.
    const writes: unknown[] = [];
    let done = false;
    void importing.finally(() => (done = true));
    for (let i = 0; !done && i < 200; i++) {
      writes.push(await app.call('calls.add', { number: `+48 600 100 ${String(100 + i)}`, direction: 'in', result: 'answered', note: `during ${i}`, talkMinutes: 1 }));
      await new Promise((r) => setTimeout(r, 20));
    }
    const summary = (await importing) as CallImportSummary;
    expect(summary.imported).toBe(20_000 - Math.ceil(20_000 / 97));
    expect(writes.length).toBeGreaterThan(0);
    const manual = app.ctx.db.prepare("SELECT count(*) AS n FROM calls WHERE source = 'manual'").get() as { n: number };
    expect(manual.n).toBe(writes.length);
  }, 120_000);
});

describe('calls.import when the import thread cannot start', () => {
  it('imports on the request thread instead (e.g. the thread file unreadable in a packed app)', async () => {
    const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'import-thread-')), 'callImportThread.js');
    fs.writeFileSync(broken, "throw new Error('cannot load this thread');\n");
    process.env.CLINIC_DESK_IMPORT_THREAD = broken;
    const app = await tempApp();
    apps.push(app);
    const first = (await app.call('calls.import', { fileName: 'Master.csv', content: FIXTURE })) as CallImportSummary;
    expect(first.imported).toBeGreaterThan(0);
    expect(rowsOf(app)).toHaveLength(first.imported);
    const again = (await app.call('calls.import', { fileName: 'Master.csv', content: FIXTURE })) as CallImportSummary;
    expect(again).toMatchObject({ imported: 0, alreadyStored: first.imported });
    fs.rmSync(path.dirname(broken), { recursive: true, force: true });
  });
});
