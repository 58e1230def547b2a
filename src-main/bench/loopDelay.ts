import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * How late the event loop ran, for `bench --load`. `monitorEventLoopDelay` arms a timer every `resolution` ms and
 * records the whole time between two ticks, so an idle loop reads the resolution itself (p50 ≈ 10 ms at the
 * default 10 ms: nothing late at all). We sample every millisecond and subtract the resolution, so 0 means on time
 * and the figure is what a call waited before its turn, to within a millisecond.
 */
export const LOOP_RESOLUTION_MS = 1;

export interface LoopDelay {
  /** Sampling interval (ms) already subtracted from every figure. */
  resolutionMs: number;
  p50: number;
  p99: number;
  max: number;
}

interface DelayHistogram {
  percentile(p: number): number;
  max: number;
}

/** A histogram of tick intervals (ns) as lateness in ms: interval minus the resolution, never below 0. */
export function netOfResolution(h: DelayHistogram, resolutionMs: number): LoopDelay {
  const late = (ns: number): number => Math.max(0, Math.round((ns / 1e6 - resolutionMs) * 100) / 100);
  return { resolutionMs, p50: late(h.percentile(50)), p99: late(h.percentile(99)), max: late(h.max) };
}

/** Starts sampling the current thread's loop; `stop()` returns the lateness since then. */
export function watchLoopDelay(resolutionMs = LOOP_RESOLUTION_MS): { stop: () => LoopDelay } {
  const h = monitorEventLoopDelay({ resolution: resolutionMs });
  h.enable();
  return {
    stop: () => {
      h.disable();
      return netOfResolution(h, resolutionMs);
    },
  };
}
