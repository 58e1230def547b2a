import type { DurationDist } from '../../contract/stats';

/**
 * Median and 90th percentile of durations. The median of an even count is the mean of the two middle values
 * (what a manager computes by hand); p90 is the nearest-rank value (the smallest value with at least 90% of
 * the values at or below it), so it is always a duration that really happened.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function nearestRank(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * s.length));
  return s[rank - 1]!;
}

export function distribution(values: readonly number[]): DurationDist {
  return { n: values.length, medianMs: median(values), p90Ms: nearestRank(values, 0.9) };
}
