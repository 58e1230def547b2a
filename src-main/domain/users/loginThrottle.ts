import type { Db } from '../../db/database';
import { recentFailures } from '../../db/repositories/users';

/**
 * Growing delays after failed sign-ins, counted separately per address and per account name, so neither
 * one machine guessing many names nor many machines guessing one name gets more than a handful of tries:
 * 3 free tries, then 1 s, 2 s, 4 s … up to 15 minutes between attempts. A success resets the count.
 */
const FREE_TRIES = 3;
const MAX_DELAY_MS = 15 * 60 * 1000;
const WINDOW_MS = 24 * 60 * 60 * 1000;

export function delayAfterFailures(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(1000 * 2 ** (failures - FREE_TRIES), MAX_DELAY_MS);
}

/** How long this address and this account must still wait before the next try (0: may try now). */
export function loginWaitMs(db: Db, now: number, address: string, name: string): number {
  const since = now - WINDOW_MS;
  let wait = 0;
  for (const [by, value] of [['address', address], ['name', name.trim()]] as const) {
    const { count, lastAt } = recentFailures(db, by, value, since);
    if (lastAt !== null) wait = Math.max(wait, lastAt + delayAfterFailures(count) - now);
  }
  return Math.max(0, wait);
}
