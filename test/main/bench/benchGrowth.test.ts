import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

interface Row { name: string; wall: number | null; cpu: number | null; flat: boolean | null }
interface Growth { from: string; to: string; judged: 'wall' | 'cpu'; why: string; rows: Row[]; flat: boolean }
const growth = createRequire(import.meta.url)('../../../scripts/bench-growth.cjs') as {
  judgeGrowth: (reports: unknown[]) => Growth;
  formatGrowth: (g: Growth) => string[];
  formatTables: (reports: unknown[]) => string[];
};

const result = (name: string, p95: number, cpuP95: number) => ({ name, targetMs: 5, inProcess: { runs: 100, p50: p95 / 2, p95, max: p95 * 2, cpuP95 }, http: null, ratio: null, pass: true, plans: [] });
const report = (size: string, messages: number, load: number | null, rows: [string, number, number][]) => ({
  size,
  facts: { messages },
  ...(load === null ? {} : { machine: { cores: 2, loadAtStart: load, loadAtEnd: load } }),
  results: rows.map(([n, w, c]) => result(n, w, c)),
});

// 10k wall p95 noisier than 1m (a spike), CPU steady: the shape seen on the shared machine.
const rows10k: [string, number, number][] = [
  ['inbox.counts', 0.05, 0.05],
  ['inbox.list channel filter (sms, all)', 8.73, 0.69],
  ['search phone, exact (+39 … as typed)', 6.3, 1.49],
  ['search frequent word "appuntamento"', 6.48, 4.66],
  ['stats.report 30-day range', 93, 18],
];
const rows1m: [string, number, number][] = [
  ['inbox.counts', 0.23, 0.23],
  ['inbox.list channel filter (sms, all)', 0.73, 0.73],
  ['search phone, exact (+39 … as typed)', 0.94, 1.7],
  ['search frequent word "appuntamento"', 6.59, 5.92],
  ['stats.report 30-day range', 2022, 521],
];

describe('bench-growth: counts, filters, phone and frequent-word search flat within 2×', () => {
  it('judges CPU p95 when a run was loaded, prints both ratios, and flags a row above 2×', () => {
    const g = growth.judgeGrowth([report('1m', 1_000_000, 9.6, rows1m), report('10k', 10_000, 9.6, rows10k)]);
    expect(g).toMatchObject({ from: '10k', to: '1m', judged: 'cpu', flat: false });
    expect(g.rows.map((r) => r.name)).toEqual(rows1m.slice(0, 4).map((r) => r[0])); // stats is not a judged row
    expect(g.rows[0]).toMatchObject({ wall: 4.6, cpu: 4.6, flat: false });
    expect(g.rows[1]).toMatchObject({ wall: 0.08, cpu: 1.06, flat: true });
    expect(g.rows[3]).toMatchObject({ wall: 1.02, cpu: 1.27, flat: true });
    const text = growth.formatGrowth(g).join('\n');
    expect(text).toContain('Judged on CPU p95: a run was not quiet');
    expect(text).toContain('| inbox.counts | 0.05 → 0.23 | 4.6× | 0.05 → 0.23 | 4.6× | ✗ > 2× |');
    expect(text).toContain('NOT flat: inbox.counts.');
  });

  it('judges wall p95 when every run was quiet', () => {
    const g = growth.judgeGrowth([report('10k', 10_000, 0.6, rows10k.slice(1, 4)), report('1m', 1_000_000, 0.8, rows1m.slice(1, 4))]);
    expect(g.judged).toBe('wall');
    expect(g.flat).toBe(true);
    expect(growth.formatGrowth(g).join('\n')).toContain('All 3 rows flat within 2× (wall).');
  });

  it('does not call a run quiet when it did not record the load (older results)', () => {
    const g = growth.judgeGrowth([report('10k', 10_000, null, rows10k), report('1m', 1_000_000, 0.5, rows1m)]);
    expect(g.judged).toBe('cpu');
    expect(g.why).toMatch(/did not record the machine load/);
  });

  it('folds several runs of one size into their medians: one unlucky run does not make a counter read grow', () => {
    const counts = (p95: number): [string, number, number][] => [['inbox.counts', p95, p95], ['search phone, exact (+39 … as typed)', 1.6, 1.8]];
    const small = [0.05, 0.06, 0.05].map((p) => report('10k', 10_000, 0.6, counts(p)));
    const large = [0.12, 0.05, 0.06].map((p) => report('1m', 1_000_000, 0.7, counts(p)));
    // One run per size, the unlucky one: 2.4×.
    expect(growth.judgeGrowth([small[0], large[0]]).rows[0]).toMatchObject({ wall: 2.4, flat: false });
    const g = growth.judgeGrowth([...small, ...large]);
    expect(g).toMatchObject({ judged: 'wall', flat: true });
    expect(g.rows[0]).toMatchObject({ small: { p95: 0.05 }, large: { p95: 0.06 }, wall: 1.2 });
    expect(growth.formatGrowth(g).join('\n')).toContain('Each figure is the median of 3 / 3 runs per size.');
    const table = growth.formatTables([...large, ...small]).join('\n');
    expect(table).toContain('| case (wall p50 / p95 (CPU p95) ms, in-process) | target p95 | 10k (10,000 msgs, median of 3 runs) | 1m (1,000,000 msgs, median of 3 runs) |');
    expect(table).toContain('| inbox.counts | < 5 | 0.025 / 0.05 (cpu 0.05) | 0.03 / 0.06 (cpu 0.06) |');
  });

  it('a folded size passes only if every run passed, and is quiet only if every run was', () => {
    const ok = report('1m', 1_000_000, 0.6, [['inbox.counts', 0.05, 0.05]]);
    const failed = { ...report('1m', 1_000_000, 2.5, [['inbox.counts', 9, 9]]) };
    failed.results[0]!.pass = false;
    const table = growth.formatTables([ok, ok, failed]).join('\n');
    expect(table).toContain('| inbox.counts | < 5 | 0.025 / 0.05 (cpu 0.05) ✗ |');
    const g = growth.judgeGrowth([report('10k', 10_000, 0.6, [['inbox.counts', 0.05, 0.05]]), ok, failed]);
    expect(g.judged).toBe('cpu');
  });
});
