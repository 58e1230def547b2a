import { describe, expect, it } from 'vitest';
import { netOfResolution, watchLoopDelay } from '../../../src-main/bench/loopDelay';

const ms = (x: number) => x * 1e6;
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

describe('event loop lateness for bench --load', () => {
  it('subtracts the sampling interval: a loop ticking exactly on time is 0 ms late, never negative', () => {
    const h = { percentile: (p: number) => (p === 50 ? ms(10.12) : ms(31)), max: ms(60) };
    expect(netOfResolution(h, 10)).toEqual({ resolutionMs: 10, p50: 0.12, p99: 21, max: 50 });
    expect(netOfResolution({ percentile: () => ms(0.9), max: ms(0.95) }, 1)).toEqual({ resolutionMs: 1, p50: 0, p99: 0, max: 0 });
  });

  it('samples every millisecond, so an idle loop reads near 0 and a 60 ms block reads as ~60 ms late', async () => {
    const watch = watchLoopDelay();
    await sleep(150);
    const end = performance.now() + 60;
    while (performance.now() < end); // the thread busy: every timer waits
    await sleep(20);
    const d = watch.stop();
    expect(d.resolutionMs).toBe(1);
    expect(d.max).toBeGreaterThanOrEqual(55);
    // Most 1 ms ticks of an idle loop are on time; the default 10 ms sampling would read ≥ 10 here.
    expect(d.p50).toBeLessThan(5);
  });
});
