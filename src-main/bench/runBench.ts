import os from 'node:os';
import { createApp, type App } from '../app/createApp';
import { OffsetClock } from '../domain/shared/clock';
import { startHost } from '../host/hostServer';
import { areaCases } from './areaCases';
import { registeredBenchCases, type BenchCase, type BenchEnv } from './benchCase';
import { ensureBenchDatabase, workingCopy, type BenchBuild } from './benchStore';
import { coreCases } from './coreCases';
import type { BenchSizeName } from './generator/generateClinic';
import { summarize, timeInterleaved, timeRunsAsync, type Timing } from './measure';
import { allowScans, queryPlansOf, type QueryPlan } from './queryPlans';

export interface CaseResult {
  name: string;
  targetMs: number | null;
  inProcess: Timing;
  http: Timing | null;
  raw: { what: string; timing: Timing } | null;
  /** overhead: case p50 / raw p50; throughput: raw p50 / case p50. */
  ratio: { kind: 'overhead' | 'throughput'; value: number; atLeast?: number } | null;
  pass: boolean | null;
  plans: QueryPlan[];
}

export interface BenchReport {
  size: BenchSizeName;
  key: string;
  facts: BenchBuild['facts'];
  built: BenchBuild['built'];
  coldStartMs: number;
  results: CaseResult[];
  planFailures: number;
  rssMb: number;
  /** The machine's 1-minute load average when the run started and ended, and its cores: how quiet the run was
   *  (scripts/bench-growth.cjs judges wall times only when every run was quiet). */
  machine: { cores: number; loadAtStart: number; loadAtEnd: number };
}

export async function runBench(opts: { size: BenchSizeName; root: string; http: boolean; only?: string; runs?: number; log: (l: string) => void }): Promise<BenchReport> {
  const build = ensureBenchDatabase(opts.root, opts.size, opts.log);
  const loadAtStart = round(os.loadavg()[0]!);
  const copy = workingCopy(build);
  const clock = new OffsetClock(build.facts.now - Date.now());
  const t0 = process.hrtime.bigint();
  const app = await createApp({ dataDir: copy.dataDir, startOutbox: false, backups: false, clock });
  const coldStartMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const env: BenchEnv = { app, db: app.ctx.db, facts: build.facts };
  const cases = [...coreCases, ...areaCases, ...registeredBenchCases()]
    .filter((c) => !opts.only || c.name.includes(opts.only))
    .map((c) => (opts.runs ? { ...c, runs: opts.runs } : c));
  const results: CaseResult[] = [];
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (!stopped) await app.stop();
    stopped = true;
  };
  try {
    for (const c of cases) await c.setup?.(env);
    for (const c of cases) {
      opts.log(`  ${c.name} …`);
      await c.before?.(env);
      results.push(await runCase(c, env));
    }
    if (opts.http) await httpPass(app, cases, env, results);
    // The data folder has one writer at a time: the cold starts open it after this app let go.
    await stop();
    results.push(await coldStartCase(copy.dataDir, clock, coldStartMs));
  } finally {
    await stop();
    copy.dispose();
  }
  return {
    size: opts.size,
    key: build.key,
    facts: build.facts,
    built: build.built,
    coldStartMs: round(coldStartMs),
    results,
    planFailures: results.reduce((n, r) => n + r.plans.filter((p) => p.suspicious).length, 0),
    rssMb: Math.round(process.memoryUsage().rss / 1e6),
    machine: { cores: os.cpus().length, loadAtStart, loadAtEnd: round(os.loadavg()[0]!) },
  };
}

async function runCase(c: BenchCase, env: BenchEnv): Promise<CaseResult> {
  const once = (i: number): unknown => (c.method ? env.app.call(c.method, c.params?.(i, env) ?? {}) : c.run!(i, env));
  let inProcess: Timing;
  let raw: CaseResult['raw'] = null;
  if (c.measure) {
    inProcess = await c.measure(env);
  } else if (c.raw) {
    const both = await timeInterleaved(c.runs, once, (i) => c.raw!.run(i, env.db, env));
    inProcess = both.case;
    raw = { what: c.raw.what, timing: both.raw };
  } else {
    inProcess = await timeRunsAsync(c.runs, once);
  }
  const plans = c.plans ? allowScans(await queryPlansOf(env.db, () => (c.planOf ? c.planOf(env) : once(0))), c.scanAllowed) : [];
  let ratio: CaseResult['ratio'] = null;
  if (raw && raw.timing.p50 > 0) {
    ratio =
      c.ratio?.kind === 'throughput'
        ? { kind: 'throughput', value: round(raw.timing.p50 / inProcess.p50), atLeast: c.ratio.atLeast }
        : { kind: 'overhead', value: round(inProcess.p50 / raw.timing.p50) };
  }
  const timeOk = c.targetMs === null ? null : inProcess.p95 < c.targetMs;
  const ratioOk = ratio?.atLeast !== undefined ? ratio.value >= ratio.atLeast : null;
  const planOk = plans.some((p) => p.suspicious) ? false : null;
  const verdicts = [timeOk, ratioOk, planOk].filter((v): v is boolean => v !== null);
  return { name: c.name, targetMs: c.targetMs, inProcess, http: null, raw, ratio, pass: verdicts.length ? verdicts.every(Boolean) : null, plans };
}

/** The same method cases through the host's HTTP API on loopback, as a browser desk calls them. */
async function httpPass(app: App, cases: BenchCase[], env: BenchEnv, results: CaseResult[]): Promise<void> {
  const host = await startHost({ app, host: '127.0.0.1', port: 0, rendererDir: '/nonexistent' });
  try {
    for (const c of cases) {
      if (!c.method) continue;
      const result = results.find((r) => r.name === c.name)!;
      result.http = await timeRunsAsync(Math.min(c.runs, 100), async (i) => {
        const res = await fetch(`${host.url}/api/${c.method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(c.params?.(i, env) ?? {}) });
        if (!res.ok) throw new Error(`${c.method}: HTTP ${res.status} ${await res.text()}`);
        return res.json();
      });
    }
  } finally {
    await host.close();
  }
}

const round = (x: number): number => Math.round(x * 100) / 100;

/** The app opened and stopped again on the same database: what the desk waits for at every start. */
async function coldStartCase(dataDir: string, clock: OffsetClock, firstMs: number): Promise<CaseResult> {
  const times: number[] = [firstMs];
  for (let i = 0; i < 4; i++) {
    const t = process.hrtime.bigint();
    const app = await createApp({ dataDir, startOutbox: false, backups: false, clock });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    await app.stop();
  }
  const timing = summarize(times);
  return { name: 'app cold start (createApp)', targetMs: 1000, inProcess: timing, http: null, raw: null, ratio: null, pass: timing.p95 < 1000, plans: [] };
}

export function formatReport(r: BenchReport): string[] {
  const out: string[] = [];
  out.push(`Clinic Desk benchmark — ${r.size}: ${r.facts.messages.toLocaleString('en')} messages, ${r.facts.patients.toLocaleString('en')} patients, ${r.facts.calls.toLocaleString('en')} calls, ${r.facts.appointments.toLocaleString('en')} appointments (${r.key})`);
  if (r.built) {
    out.push(
      `built this run: ${r.built.seconds.toFixed(1)} s wall, ${r.built.cpuSeconds} s CPU, ${r.built.megabytes} MB — ${r.built.messagesPerSecond.toLocaleString('en')} messages/s wall, ${r.built.messagesPerCpuSecond.toLocaleString('en')} per CPU second`,
    );
  }
  out.push(`app cold start on it: ${r.coldStartMs} ms; RSS after the run: ${r.rssMb} MB; load average ${r.machine.loadAtStart} → ${r.machine.loadAtEnd} on ${r.machine.cores} cores`);
  out.push('');
  out.push(`${'case'.padEnd(44)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)} ${'cpu p95'.padStart(8)} ${'target'.padStart(7)} ${'http p95'.padStart(9)} ${'vs raw'.padStart(12)}  ok`);
  for (const c of r.results) {
    const ratio = c.ratio ? (c.ratio.kind === 'throughput' ? `${c.ratio.value} of raw` : `${c.ratio.value}x raw`) : '';
    const ok = c.pass === null ? '' : c.pass ? 'yes' : 'NO';
    out.push(
      `${c.name.padEnd(44)} ${ms(c.inProcess.p50)} ${ms(c.inProcess.p95)} ${ms(c.inProcess.max)} ${c.inProcess.cpuP95 === undefined ? ''.padStart(8) : ms(c.inProcess.cpuP95)} ${(c.targetMs === null ? '' : `<${c.targetMs}`).padStart(7)} ${c.http ? ms(c.http.p95, 9) : ''.padStart(9)} ${ratio.padStart(12)}  ${ok}`,
    );
  }
  out.push('');
  out.push('Query plans of the hot queries (! = scans a large table: a failure; ~ = a scan the case allows, with why):');
  for (const c of r.results) {
    if (!c.plans.length) continue;
    out.push(`  ${c.name}`);
    for (const p of c.plans) {
      out.push(`    ${p.suspicious ? '!' : p.allowed ? '~' : ' '} ${p.plan.join(' | ')}\n        ${p.sql.slice(0, 160)}`);
      if (p.allowed) out.push(`        allowed: ${p.allowed}`);
    }
  }
  return out;
}

const ms = (x: number, w = 8): string => `${x.toFixed(x < 10 ? 2 : 1)}`.padStart(w);
