/** API of the manager statistics (role: manager; the host and the app enforce it). */
import type { Area } from '../../app/area';
import { localParts } from '../hours/zonedTime';
import { getClinicSettings } from '../settings/clinicSettings';
import { startStatsPrecompute } from './dayPrecompute';
import { buildReport, statsFor } from './statsService';
import { resolvePeriod } from './periods';

export const statsArea: Area = {
  name: 'stats',
  handlers(ctx) {
    const where = () => {
      const { timeZone } = getClinicSettings(ctx.db);
      const now = ctx.clock.now();
      return { timeZone, today: localParts(now, timeZone).date, now };
    };
    return {
      'stats.report': (req) => statsFor({ db: ctx.db, ...where() }, req),
      'stats.daySummary': ({ date }) => {
        const w = where();
        return buildReport({ db: ctx.db, now: w.now }, resolvePeriod({ kind: 'day', date }, w.today, w.timeZone));
      },
    };
  },
  start(ctx) {
    // The running desk fills the closed days in the background (dayPrecompute.ts); one-shot commands and the bench
    // leave the store as they found it.
    if (ctx.oneShot) return;
    const precompute = startStatsPrecompute({ db: ctx.db, clock: ctx.clock });
    ctx.onStop.push(() => precompute.stop());
  },
};
