import type { Area } from '../../app/area';
import { getClinicSettings } from '../settings/clinicSettings';
import { DeskError } from '../shared/errors';
import { createClinic, setStep, setupStatusOf } from './setupService';

/** First run: "is there a clinic yet?", the wizard's one call that creates it, and its optional steps. */
export const setupArea: Area = {
  name: 'setup',
  handlers: (ctx) => ({
    'setup.status': (_req, call) => {
      const status = setupStatusOf(ctx.db, ctx.demo);
      // Public (the wizard asks before any login): a caller not signed in learns that WhatsApp is linked, not the number.
      return call.guest && status.facts.whatsappPhone ? { ...status, facts: { ...status.facts, whatsappPhone: '' } } : status;
    },
    'setup.createClinic': async (req, call) => {
      // The demo clinic is a separate profile: a real clinic is never created inside it.
      if (ctx.demo) throw new DeskError('conflict', 'the demo clinic cannot become a real clinic; open the real desk to set it up', { reason: 'errors-detail:demoNoSetup' });
      await createClinic(ctx.db, ctx.clock, req, call.guest ? 'setup' : call.user);
      const status = setupStatusOf(ctx.db, ctx.demo);
      ctx.events.emit('settings.updated', getClinicSettings(ctx.db));
      return status;
    },
    'setup.setStep': (req) => {
      setStep(ctx.db, req.step, req.state);
      return setupStatusOf(ctx.db, ctx.demo);
    },
  }),
};
