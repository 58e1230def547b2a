import { afterEach, describe, expect, it, vi } from 'vitest';
import { clinicDay } from '../../src-renderer/i18n/format';
import { serverNow, syncServerClock } from '../../src-renderer/api/serverClock';

/**
 * The renderer's "today" (Settings → hours' new closure, the segment builder's dates) is the clinic's day from the
 * server's clock: at 00:30 in Rome, UTC is still on the day before. The app store (which needs a browser) only
 * supplies the clinic's zone here.
 */
const zone = vi.hoisted(() => ({ timeZone: 'Europe/Rome' }));
vi.mock('../../src-renderer/stores/appStore', () => ({ useApp: { getState: () => ({ info: { settings: zone } }) } }));

const ROME_0030 = Date.UTC(2026, 10, 26, 23, 30); // Friday 27 November 2026, 00:30 in Rome

afterEach(() => {
  vi.useRealTimers();
});

describe("the desk's today at 00:30 clinic time (fake clock)", () => {
  it.each([
    ['Europe/Rome', '2026-11-27'],
    ['Europe/Warsaw', '2026-11-27'],
    ['Europe/London', '2026-11-26'],
  ])('in %s it is %s', (timeZone, day) => {
    zone.timeZone = timeZone;
    vi.useFakeTimers();
    vi.setSystemTime(ROME_0030 + 3_000); // this PC's clock runs 3 s ahead of the server's
    syncServerClock(ROME_0030);
    expect(new Date(serverNow()).toISOString().slice(0, 10)).toBe('2026-11-26');
    expect(clinicDay(serverNow())).toBe(day);
  });
});
