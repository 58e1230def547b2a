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
      return { timeZone, today: localParts(ctx.clock.now(), timeZone).date };
    };
    return {
      'stats.report': (req) => statsFor({ db: ctx.db, ...where() }, req),
      'stats.daySummary': ({ date }) => {
        const w = where();
        return buildReport({ db: ctx.db }, resolvePeriod({ kind: 'day', date }, w.today, w.timeZone));
      },
    };
  },
};
