import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { measureImportStall } from '../../../../src-main/bench/importStall';
import type { CallImportSummary } from '../../../../src-main/contract/calls';
import { tempApp } from '../../../helpers/tempApp';

type TempApp = Awaited<ReturnType<typeof tempApp>>;
let app: TempApp;
beforeEach(async () => {
  app = await tempApp();
});
afterEach(async () => {
  delete process.env.CLINIC_DESK_IMPORT_THREAD;
  await app.cleanup();
});

// The built import thread (npm run build); from the TypeScript sources the import runs on the request thread.
const THREAD = path.resolve(__dirname, '../../../..', process.env.CLINIC_DESK_OUT ?? 'out', 'main/callImportThread.js');

const ROWS = 50_000;
const BAD = Math.ceil(ROWS / 97);
const count = (): number => (app.ctx.db.prepare('SELECT count(*) AS n FROM calls').get() as { n: number }).n;

describe('a 50,000-row import while the desk keeps working', () => {
  it('stores the whole file once and inbox.list keeps answering', async () => {
    const figures = await measureImportStall(app, { rows: ROWS, everyMs: 5 });
    const r = figures.result as CallImportSummary;
    // The import's answer is what it always was: every good row stored, every bad one reported by line.
    expect(r).toMatchObject({ format: 'asterisk', dryRun: false, read: ROWS - BAD, imported: ROWS - BAD, alreadyStored: 0, fileError: null });
    expect(r.errors).toHaveLength(BAD);
    expect(r.errors[1]).toMatchObject({ line: 98, message: 'start: cannot read "not a date" as a date and time' });
    expect(count()).toBe(ROWS - BAD);

    console.warn(
      `[importStall] ${ROWS} rows in ${Math.round(figures.importMs)} ms; inbox.list during it: ` +
        `p50 ${figures.p50.toFixed(1)} ms, p95 ${figures.p95.toFixed(1)} ms, max ${figures.max.toFixed(0)} ms over ${figures.samples} calls`,
    );
    expect(figures.samples).toBeGreaterThan(20);
    // Generous: the machine is shared. Before the chunking every sample waited for the whole import.
    expect(figures.p95).toBeLessThan(200);
  }, 240_000);
});

describe.skipIf(!fs.existsSync(THREAD))('the same import on the import thread', () => {
  it('inbox.list p95 stays under the 50 ms target (asserted at 100 ms: the machine is shared)', async () => {
    await app.cleanup();
    process.env.CLINIC_DESK_IMPORT_THREAD = THREAD;
    app = await tempApp();
    const figures = await measureImportStall(app, { rows: ROWS, everyMs: 5 });
    expect(figures.result).toMatchObject({ read: ROWS - BAD, imported: ROWS - BAD });
    expect(count()).toBe(ROWS - BAD);
    console.warn(
      `[importStall, thread] ${ROWS} rows in ${Math.round(figures.importMs)} ms; inbox.list during it: ` +
        `p50 ${figures.p50.toFixed(1)} ms, p95 ${figures.p95.toFixed(1)} ms, max ${figures.max.toFixed(0)} ms over ${figures.samples} calls`,
    );
    expect(figures.samples).toBeGreaterThan(20);
    expect(figures.p95).toBeLessThan(100);
  }, 240_000);
});
