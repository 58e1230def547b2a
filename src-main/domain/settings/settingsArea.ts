import type { Area } from '../../app/area';
import { writeAudit } from '../../db/repositories/audit';
import { getClinicSettings, updateClinicSettings } from './clinicSettings';
import { version } from '../../../package.json';

export const settingsArea: Area = {
  name: 'settings',
  handlers: (ctx) => ({
    'app.info': () => ({ name: 'Clinic Desk', version, demo: ctx.demo, dataDir: ctx.dataDir, settings: getClinicSettings(ctx.db) }),
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
