/**
 * A socket can say "open" and still be dead (a NAT dropped it, the laptop slept). While open, the
 * adapter checks every `checkEveryMs`: after `quietMs` without any frame it sends a ping; when
 * nothing has arrived for `staleAfterMs`, or `maxFailedProbes` pings in a row failed, the session
 * is recycled (closed and reconnected).
 */
export interface StaleConfig {
  checkEveryMs: number;
  quietMs: number;
  staleAfterMs: number;
  maxFailedProbes: number;
}

export const DEFAULT_STALE: StaleConfig = {
  checkEveryMs: 60_000,
  quietMs: 2 * 60_000,
  staleAfterMs: 5 * 60_000,
  maxFailedProbes: 2,
};

export interface Liveness {
  lastTrafficAt: number;
  failedProbes: number;
  probeInFlight: boolean;
}

export type StaleVerdict = 'ok' | 'probe' | 'recycle';

export function staleVerdict(l: Liveness, now: number, cfg: StaleConfig): StaleVerdict {
  const silentFor = now - l.lastTrafficAt;
  if (silentFor >= cfg.staleAfterMs || l.failedProbes >= cfg.maxFailedProbes) return 'recycle';
  if (silentFor >= cfg.quietMs && !l.probeInFlight) return 'probe';
  return 'ok';
}
