import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchCase } from './benchCase';

/** What `measureImportStall` needs of an app: its one call entry point (`App` fits). */
export interface CallableApp {
  call(method: string, raw: unknown): Promise<unknown>;
}

export interface ImportStallFigures {
  /** How long `inbox.list` took while the import ran, ms. */
  p50: number;
  p95: number;
  max: number;
  /** How many `inbox.list` calls were answered during the import. */
  samples: number;
  /** How long the import took, ms. */
  importMs: number;
  /** The import's own answer (`calls.import` summary). */
  result: unknown;
}

/**
 * A month of a busy FreePBX as Master.csv text (real cdr-csv layout), every 97th row with a broken date:
 * the file the stall measurement imports.
 */
export function masterCsvOfRows(rows: number, base = Date.UTC(2024, 2, 1, 7, 0, 0)): string {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const stamp = new Date(base + i * 53_000).toISOString().slice(0, 19).replace('T', ' ');
    const caller = String(600_000_000 + ((i * 7919) % 9_000_000));
    const answered = i % 3 !== 0;
    const duration = answered ? 60 + (i % 300) : 5 + (i % 30);
    const start = i % 97 === 0 ? 'not a date' : stamp;
    lines.push(
      `"","${caller}","221234500","from-did-direct","""${caller}"" <${caller}>","PJSIP/trunk-00${i}","PJSIP/101-00${i}","Dial",` +
        `"PJSIP/101,20,tr","${start}","${answered ? stamp : ''}","${stamp}",${duration},${answered ? duration - 6 : 0},"${answered ? 'ANSWERED' : 'NO ANSWER'}","DOCUMENTATION","${1709276400 + i}.${i}",""`,
    );
  }
  return lines.join('\n') + '\n';
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Imports `rows` calls through `calls.import` while a second loop asks `inbox.list` every `everyMs`,
 * and reports how long those list calls took: the receptionist's wait while IT imports a big file.
 * A call's time counts from when it was meant to start, so a blocked event loop shows up in full.
 */
export async function measureImportStall(app: CallableApp, opts: { rows?: number; everyMs?: number } = {}): Promise<ImportStallFigures> {
  const content = masterCsvOfRows(opts.rows ?? 50_000);
  const everyMs = opts.everyMs ?? 5;
  const times: number[] = [];
  let importing = true;
  const sampler = (async () => {
    let due = performance.now();
    while (importing) {
      await app.call('inbox.list', {});
      const end = performance.now();
      if (importing) times.push(end - due);
      await sleep(everyMs);
      due = end + everyMs;
    }
  })();
  const started = performance.now();
  await sleep(0); // the sampler's first call goes out before the import starts
  const result = await app.call('calls.import', { fileName: 'Master.csv', content }).finally(() => {
    importing = false;
  });
  const importMs = performance.now() - started;
  await sampler;
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? 0, samples: sorted.length, importMs, result };
}

/**
 * The bench case: inbox.list p95 while a 50,000-row Master.csv goes in (target < 50 ms). It runs on the
 * bench's copy of the database, last of the area cases, so the imported calls touch no other figure.
 * In the built app the import runs on its own thread (domain/calls/importThread).
 */
export const importStallCase: BenchCase = {
  name: 'inbox.list p95 during a 50,000-row call import',
  targetMs: 50,
  runs: 0,
  measure: async (env) => {
    const f = await measureImportStall(env.app, { rows: 50_000, everyMs: 5 });
    const r = f.result as { imported?: number; read?: number } | undefined;
    if (!r || typeof r.read !== 'number' || r.read < 49_000) throw new Error(`the import answered ${JSON.stringify(r).slice(0, 200)}`);
    return { runs: f.samples, p50: round(f.p50), p95: round(f.p95), max: round(f.max) };
  },
};

const round = (x: number): number => Math.round(x * 100) / 100;
