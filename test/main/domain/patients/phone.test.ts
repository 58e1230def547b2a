import { describe, expect, it } from 'vitest';
import { formatPhone, regionOf, requireE164, toE164 } from '../../../../src-main/domain/patients/phone';

describe('toE164', () => {
  it.each([
    ['+48 601 234 567', 'IT', '+48601234567'],
    ['0048601234567', 'IT', '+48601234567'],
    ['601234567', 'PL', '+48601234567'],
    ['601-234-567', 'PL', '+48601234567'],
    ['333 123 4567', 'IT', '+393331234567'],
    ['+39 06 1234 5678', 'PL', '+390612345678'],
    ['06 1234 5678', 'IT', '+390612345678'],
    [' +44 7700 900123 ', 'IT', '+447700900123'],
  ] as const)('%s in %s -> %s', (raw, region, expected) => {
    expect(toE164(raw, region)).toBe(expected);
  });

  it.each(['', 'abc', '12', '+999 1', 'not a phone'])('rejects %j', (raw) => {
    expect(toE164(raw, 'IT')).toBeNull();
  });

  it('requireE164 names the field in its error', () => {
    expect(() => requireE164('12', 'IT', 'patient.phone')).toThrow(/patient\.phone: "12" is not a valid phone number/);
  });

  it('knows the region and formats for display', () => {
    expect(regionOf('+48601234567')).toBe('PL');
    expect(formatPhone('+48601234567')).toBe('+48 601 234 567');
  });
});
