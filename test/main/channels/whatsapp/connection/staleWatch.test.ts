import { describe, expect, it } from 'vitest';
import { DEFAULT_STALE, staleVerdict } from '../../../../../src-main/channels/whatsapp/connection/staleWatch';

const min = 60_000;

describe('staleVerdict', () => {
  it.each([
    [{ lastTrafficAt: 0, failedProbes: 0, probeInFlight: false }, 1 * min, 'ok'],
    [{ lastTrafficAt: 0, failedProbes: 0, probeInFlight: false }, 2 * min, 'probe'],
    [{ lastTrafficAt: 0, failedProbes: 0, probeInFlight: true }, 3 * min, 'ok'],
    [{ lastTrafficAt: 0, failedProbes: 1, probeInFlight: false }, 3 * min, 'probe'],
    [{ lastTrafficAt: 0, failedProbes: 2, probeInFlight: false }, 3 * min, 'recycle'],
    [{ lastTrafficAt: 0, failedProbes: 0, probeInFlight: true }, 5 * min, 'recycle'],
  ])('%o at %i ms → %s', (liveness, now, verdict) => {
    expect(staleVerdict(liveness, now, DEFAULT_STALE)).toBe(verdict);
  });
});
