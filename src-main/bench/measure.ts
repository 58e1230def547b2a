export interface Timing {
  runs: number;
  p50: number;
  p95: number;
  max: number;
  /** CPU time of this process (all its threads) per run: on a shared machine the wall p95 also counts the
   *  time the OS gave the cores to other processes; the CPU p95 is what the code itself cost. */
  cpuP50?: number;
  cpuP95?: number;
}

/** Wall and CPU times in ms of `runs` calls (after one warm-up call): median, 95th percentile, max. */
export async function timeRunsAsync(runs: number, fn: (i: number) => unknown): Promise<Timing> {
  await fn(0);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    await fn(i);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    cpu.push(cpuMs(process.cpuUsage(c)));
  }
  return withCpu(summarize(times), cpu);
}

/**
 * A case and its raw operation timed in turns (case, raw, case, raw…), so that both see the same
 * neighbours on a shared machine: a ratio of two phases run a minute apart measured the load's drift.
 */
export async function timeInterleaved(runs: number, fn: (i: number) => unknown, raw: (i: number) => unknown): Promise<{ case: Timing; raw: Timing }> {
  await fn(0);
  raw(0);
  const times: number[] = [];
  const cpu: number[] = [];
  const rawTimes: number[] = [];
  const rawCpu: number[] = [];
  for (let i = 1; i <= runs; i++) {
    let c = process.cpuUsage();
    let t = process.hrtime.bigint();
    await fn(i);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    cpu.push(cpuMs(process.cpuUsage(c)));
    c = process.cpuUsage();
    t = process.hrtime.bigint();
    raw(i);
    rawTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
    rawCpu.push(cpuMs(process.cpuUsage(c)));
  }
  return { case: withCpu(summarize(times), cpu), raw: withCpu(summarize(rawTimes), rawCpu) };
}

const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;

function withCpu(t: Timing, cpu: number[]): Timing {
  const c = summarize(cpu);
  return { ...t, cpuP50: c.p50, cpuP95: c.p95 };
}

export function summarize(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { runs: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted[sorted.length - 1] ?? 0) };
}

const round = (x: number): number => Math.round(x * 100) / 100;
