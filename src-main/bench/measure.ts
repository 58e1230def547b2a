export interface Measurement {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

/** Runs fn `runs` times (after one warm-up) and reports median, p95 and max wall time. */
export function measure(name: string, runs: number, fn: (i: number) => unknown): Measurement {
  fn(0);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn(i + 1);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { name, runs, medianMs: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(times[times.length - 1]!) };
}

const round = (x: number): number => Math.round(x * 100) / 100;
