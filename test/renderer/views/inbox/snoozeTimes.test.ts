import { describe, expect, it } from 'vitest';
import { fromZonedInput, toZonedInput } from '../../../../src-renderer/views/inbox/snoozeTimes';

// Presets themselves: test/main/domain/hours/snoozePresets.test.ts (clinic calendar).
describe('datetime-local values in the clinic zone', () => {
  it.each([
    ['Rome in winter', 'Europe/Rome', '2026-03-09T06:05:00Z', '2026-03-09T07:05'],
    ['Rome in summer', 'Europe/Rome', '2026-07-09T05:05:00Z', '2026-07-09T07:05'],
    ['Warsaw, past midnight local but not in UTC', 'Europe/Warsaw', '2026-12-02T23:30:00Z', '2026-12-03T00:30'],
  ])('%s round-trips to the minute', (_name, zone, iso, input) => {
    const t = Date.parse(iso);
    expect(toZonedInput(t, zone)).toBe(input);
    expect(fromZonedInput(input, zone)).toBe(t);
  });
  it.each(['', '2026-03-09', '09/03/2026 07:05', '2026-03-09T7:05', '2026-02-30T10:00', '2026-03-09T25:00'])('"%s" is not a time', (v) => {
    expect(fromZonedInput(v, 'Europe/Rome')).toBeNaN();
  });
});
