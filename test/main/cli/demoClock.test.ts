import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { demoClock } from '../../../src-main/cli/commands/serve';
import { systemClock } from '../../../src-main/domain/shared/clock';

describe('serve --demo-time', () => {
  it('runs the demo clinic on a clock that reads the given time in Rome today', () => {
    const clinic = new TZDate(demoClock('10:30', true).now(), 'Europe/Rome');
    const today = new TZDate(Date.now(), 'Europe/Rome');
    expect([clinic.getHours(), clinic.getMinutes()]).toEqual([10, 30]);
    expect(clinic.getDate()).toBe(today.getDate());
  });

  it('uses the real clock when not asked, and refuses a bad time or a real clinic', () => {
    expect(demoClock(undefined, false)).toBe(systemClock);
    expect(() => demoClock('25:00', true)).toThrow(/not a time like 10:30/);
    expect(() => demoClock('10:30', false)).toThrow(/only the demo clinic/);
  });
});
