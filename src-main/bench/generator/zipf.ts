import type { Random } from '../../domain/shared/random';

/**
 * Draws indexes 0..n-1 with probability proportional to 1/(i+1)^s: the first few are very common,
 * the tail rare — how words, phrases and patients' activity are spread in real message histories.
 */
export function zipf(n: number, s: number, random: Random): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / Math.pow(i + 1, s);
    cumulative[i] = total;
  }
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
