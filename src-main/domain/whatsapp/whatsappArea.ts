import type { AppContext, Area } from '../../app/area';
import type { WhatsAppLinkFactory } from './whatsappPort';
import { WhatsAppService } from './whatsappService';

/**
 * Settings → WhatsApp: status/health, pairing by QR or code, logout, pacing settings. The Baileys link is
 * built by `factory` (composed in src-main/app, since the domain never imports a channel); demo mode and
 * a null factory only report the simulated channel.
 */
export function createWhatsAppArea(factory: WhatsAppLinkFactory | null): Area {
  const services = new WeakMap<AppContext, WhatsAppService>();
  const serviceOf = (ctx: AppContext): WhatsAppService => {
    let s = services.get(ctx);
    if (!s) {
      s = new WhatsAppService(ctx, factory);
      services.set(ctx, s);
    }
    return s;
  };
  return {
    name: 'whatsapp',
    handlers(ctx) {
      return {
        'whatsapp.status': () => serviceOf(ctx).status(),
        'whatsapp.pair': () => serviceOf(ctx).pair(),
        'whatsapp.pairingCode': async (req) => ({ code: await serviceOf(ctx).pairingCode(req.phone) }),
        'whatsapp.logout': () => serviceOf(ctx).logout(),
        'whatsapp.updateSettings': (req) => serviceOf(ctx).updateSettings(req),
      };
    },
    start: (ctx) => serviceOf(ctx).start(),
  };
}

/** The area's service for a running app (tests, the CLI). */
export { WhatsAppService };
