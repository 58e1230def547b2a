import type { Area } from '../../app/area';
import { writeAudit } from '../../db/repositories/audit';
import { getClinicSettings, updateClinicSettings } from './clinicSettings';
import { version } from '../../../package.json';

export const settingsArea: Area = {
  name: 'settings',
  handlers: (ctx) => ({
    // A guest (the waiting-room TV) is not told where the data lives.
    'app.info': (_req, call) => ({ name: 'Clinic Desk', version, demo: ctx.demo, dataDir: call.guest ? '' : ctx.dataDir, settings: getClinicSettings(ctx.db), now: ctx.clock.now() }),
    'settings.update': (changes, call) => {
      const next = ctx.db.transaction(() => {
        const saved = updateClinicSettings(ctx.db, changes);
        writeAudit(ctx.db, ctx.clock.now(), { actor: call.user, action: 'settings.update', entity: 'settings', entityId: 'clinic', details: changes });
        return saved;
      })();
      ctx.events.emit('settings.updated', next);
      return next;
    },
  }),
};
