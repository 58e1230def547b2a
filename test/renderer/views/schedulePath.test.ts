import { describe, expect, it } from 'vitest';
import { parseScheduleRoute, schedulePath } from '../../../src-renderer/views/schedule/schedulePath';

describe("the Schedule's address", () => {
  it.each([
    [[], { day: null, view: 'day' }, '/schedule'],
    [['2026-11-27'], { day: '2026-11-27', view: 'day' }, '/schedule/2026-11-27'],
    [['2026-11-27', 'week'], { day: '2026-11-27', view: 'week' }, '/schedule/2026-11-27/week'],
    [['week'], { day: null, view: 'week' }, '/schedule/week'],
  ] as const)('%j reads as %j and is written back as %s', (rest, route, path) => {
    expect(parseScheduleRoute(rest)).toEqual(route);
    expect(schedulePath(route)).toBe(path);
  });

  it('ignores what is not a date or a view (a mistyped address opens today)', () => {
    expect(parseScheduleRoute(['2026-13-45'])).toEqual({ day: null, view: 'day' });
    expect(parseScheduleRoute(['tomorrow'])).toEqual({ day: null, view: 'day' });
  });
});
