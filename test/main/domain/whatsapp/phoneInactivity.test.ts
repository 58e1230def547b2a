import { describe, expect, it } from 'vitest';
import { phoneInactivity } from '../../../../src-main/domain/whatsapp/phoneInactivity';

const D = 24 * 60 * 60_000;

describe('phoneInactivity', () => {
  it.each([
    [20 * D, 19 * D, null, { silentDays: 1, warn: false, logoutAt: 33 * D }],
    [30 * D, 20 * D, 5 * D, { silentDays: 10, warn: true, logoutAt: 34 * D }],
    [30 * D, null, 25 * D, { silentDays: 5, warn: false, logoutAt: 39 * D }],
    [30 * D, 10 * D, 29 * D, { silentDays: 1, warn: false, logoutAt: 43 * D }],
    [30 * D, null, null, { silentDays: null, warn: false, logoutAt: null }],
  ])('now %i, seen %s, paired %s', (now, seen, paired, expected) => {
    expect(phoneInactivity(now, seen, paired)).toEqual(expected);
  });
});
