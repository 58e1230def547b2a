import type { DurationDist } from '../../contract/stats';

/**
 * Median and 90th percentile of durations. The median of an even count is the mean of the two middle values
 * (what a manager computes by hand); p90 is the nearest-rank value (the smallest value with at least 90% of
 * the values at or below it), so it is always a duration that really happened.
 */
// Sorted as a Float64Array: a numeric sort without a comparator call per step (a 30-day report at 1,000,000
// messages sorts five lists of ~15,000 waits; the comparator sort took ~50 ms of CPU for them).
const sortedCopy = (values: readonly number[]): Float64Array => Float64Array.from(values).sort();

const medianOfSorted = (s: Float64Array): number => {
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const rankOfSorted = (s: Float64Array, q: number): number => s[Math.max(1, Math.ceil(q * s.length)) - 1]!;

export function median(values: readonly number[]): number | null {
  return values.length === 0 ? null : medianOfSorted(sortedCopy(values));
}

export function nearestRank(values: readonly number[], q: number): number | null {
  return values.length === 0 ? null : rankOfSorted(sortedCopy(values), q);
}

/** One sort for both figures. */
export function distribution(values: readonly number[]): DurationDist {
  if (values.length === 0) return { n: 0, medianMs: null, p90Ms: null };
  const s = sortedCopy(values);
  return { n: values.length, medianMs: medianOfSorted(s), p90Ms: rankOfSorted(s, 0.9) };
}
