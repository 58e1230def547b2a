import type { Random } from '../shared/random';

export const MAX_ATTEMPTS = 8;
const BASE_MS = 5_000;
const CAP_MS = 30 * 60_000;

/**
 * Delay before attempt n+1 after n failed attempts: exponential from 5 s, capped at 30 min,
 * with ±20 % jitter so that many rows failing together do not retry together.
 */
export function retryDelay(failedAttempts: number, random: Random): number {
  const exp = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, failedAttempts - 1));
  const jitter = 0.8 + random() * 0.4;
  return Math.round(exp * jitter);
}

/** After this many failures a row is parked where the receptionist sees it, instead of retried forever. */
export const shouldPark = (failedAttempts: number): boolean => failedAttempts >= MAX_ATTEMPTS;
