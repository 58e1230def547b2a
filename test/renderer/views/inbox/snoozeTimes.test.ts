import { describe, expect, it } from 'vitest';
import { fromLocalInput, snoozePresets, toLocalInput } from '../../../../src-renderer/views/inbox/snoozeTimes';

const local = (y: number, m: number, d: number, h = 0, min = 0): number => new Date(y, m - 1, d, h, min).getTime();

describe('snooze presets', () => {
  it.each([
    ['a Monday afternoon: Monday means next week', local(2026, 11, 23, 15, 10), local(2026, 11, 24, 9), local(2026, 11, 30, 9)],
    ['a Friday', local(2026, 11, 27, 11), local(2026, 11, 28, 9), local(2026, 11, 30, 9)],
    ['a Sunday evening', local(2026, 11, 29, 20), local(2026, 11, 30, 9), local(2026, 11, 30, 9)],
    ['the last day of a month', local(2026, 12, 31, 18), local(2027, 1, 1, 9), local(2027, 1, 4, 9)],
  ])('%s', (_name, now, tomorrow, monday) => {
    expect(snoozePresets(now)).toEqual([
      { key: 'hour1', at: now + 3_600_000 },
      { key: 'hour3', at: now + 3 * 3_600_000 },
      { key: 'tomorrow', at: tomorrow },
      { key: 'monday', at: monday },
    ]);
  });
});

describe('datetime-local values', () => {
  it('round-trip to the minute', () => {
    const t = local(2026, 3, 9, 7, 5);
    expect(toLocalInput(t)).toBe('2026-03-09T07:05');
    expect(fromLocalInput('2026-03-09T07:05')).toBe(t);
  });
  it.each(['', '2026-03-09', '09/03/2026 07:05', '2026-03-09T7:05'])('"%s" is not a time', (v) => {
    expect(fromLocalInput(v)).toBeNaN();
  });
});
