export interface Timing {
  runs: number;
  p50: number;
  p95: number;
  max: number;
}

/** Wall times in ms of `runs` calls (after one warm-up call): median, 95th percentile, max. */
export function timeRuns(runs: number, fn: (i: number) => unknown): Timing {
  fn(0);
  const times: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const t = process.hrtime.bigint();
    fn(i);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return summarize(times);
}

export async function timeRunsAsync(runs: number, fn: (i: number) => unknown): Promise<Timing> {
  await fn(0);
  const times: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const t = process.hrtime.bigint();
    await fn(i);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return summarize(times);
}

export function summarize(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { runs: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted[sorted.length - 1] ?? 0) };
}

const round = (x: number): number => Math.round(x * 100) / 100;
