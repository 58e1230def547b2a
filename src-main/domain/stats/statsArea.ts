/** API of the manager statistics (role: manager; the host and the app enforce it). */
import type { Area } from '../../app/area';
import { localParts } from '../hours/zonedTime';
import { getClinicSettings } from '../settings/clinicSettings';
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
};
