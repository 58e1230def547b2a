import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../../src-main/domain/shared/errors';
import { seededRandom } from '../../../../src-main/domain/shared/random';
import { DEFAULT_PACING, earliestSendAt, firstContactAllowance, nextGapMs, typingMs, validatePacing } from '../../../../src-main/domain/whatsapp/pacing';

const H = 60 * 60_000;

describe('validatePacing', () => {
  it('accepts the defaults and changes within limits', () => {
    expect(validatePacing({})).toEqual(DEFAULT_PACING);
    expect(validatePacing({ minGapMs: 5_000, maxGapMs: 9_000, firstContactDailyCap: 0 })).toMatchObject({ minGapMs: 5_000, maxGapMs: 9_000, firstContactDailyCap: 0 });
  });

  it.each([
    [{ minGapMs: 500 }, 'minGapMs'],
    [{ minGapMs: 1999.5 }, 'minGapMs'],
    [{ maxGapMs: 600_000 }, 'maxGapMs'],
    [{ minGapMs: 5_000, maxGapMs: 3_000 }, 'maxGapMs'],
    [{ firstContactDailyCap: -1 }, 'firstContactDailyCap'],
    [{ firstContactDailyCap: 10_000 }, 'firstContactDailyCap'],
    [{ typing: 'yes' as unknown as boolean }, 'typing'],
  ])('rejects %o naming %s', (change, field) => {
    try {
      validatePacing(change);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(DeskError);
      expect((err as DeskError).field).toBe(field);
    }
  });
});

describe('gaps and typing', () => {
  it('draws gaps within [min, max], spread out', () => {
    const r = seededRandom(1);
    const gaps = Array.from({ length: 2_000 }, () => nextGapMs(DEFAULT_PACING, r));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(2_000);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(4_000);
    expect(new Set(gaps).size).toBeGreaterThan(500);
  });

  it('computes the earliest send', () => {
    expect(earliestSendAt(null, 3_000, 100)).toBe(100);
    expect(earliestSendAt(1_000, 3_000, 2_000)).toBe(4_000);
    expect(earliestSendAt(1_000, 3_000, 9_000)).toBe(9_000);
  });

  it('types longer for longer texts, within bounds', () => {
    expect(typingMs('ok', () => 0.5)).toBe(850);
    expect(typingMs('x'.repeat(500), () => 0.999)).toBeLessThanOrEqual(4_600);
    expect(typingMs('x'.repeat(500), () => 0)).toBe(3_400);
  });
});

describe('firstContactAllowance', () => {
  it.each([
    [[], 100 * H, 3, { allowed: true }],
    [[99 * H, 99.5 * H], 100 * H, 3, { allowed: true }],
    [[80 * H, 90 * H, 95 * H], 100 * H, 3, { allowed: false, retryAt: 104 * H }],
    [[70 * H, 90 * H, 95 * H], 100 * H, 3, { allowed: true }],
    [[], 100 * H, 0, { allowed: false, retryAt: 124 * H }],
  ])('sent %o, now %i, cap %i → %o', (sent, now, cap, decision) => {
    expect(firstContactAllowance(sent, now, cap)).toEqual(decision);
  });
});
