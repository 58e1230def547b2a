import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { smsGateway } from '../../../../src-main/channels/sms/smsGateway';
import { aesGcmSecretBox } from '../../../../src-main/domain/shared/secretBox';
import { phoneAcceptsWebhookUrl } from '../../../../src-main/domain/sms/androidInboundMode';
import { loadProviderConfig, providerViews, saveProviderConfig } from '../../../../src-main/domain/sms/providerStore';
import { startPolling } from '../../../../src-main/domain/sms/smsPoller';
import { tempApp } from '../../../helpers/tempApp';
import { startVendorServer } from '../../channels/sms/vendorServer';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const android = { provider: 'android' as const, baseUrl: 'http://192.168.1.50:8080', username: 'sms', password: 'pa55', signingKey: 'k3y', simNumber: null };

describe('Android gateway: webhook over HTTPS or polling the phone', () => {
  it('the phone only posts to https:// or http://127.0.0.1 (WebHooksService.kt), so webhook mode needs such an address', async () => {
    expect(['https://desk.clinica.it', 'http://127.0.0.1:4310/x', 'http://127.0.0.1'].map(phoneAcceptsWebhookUrl)).toEqual([true, true, true]);
    expect(['http://192.168.1.10:4310', 'http://desk.local', '', 'http://127.0.0.10'].map(phoneAcceptsWebhookUrl)).toEqual([false, false, false, false]);
    const app = await tempApp();
    cleanups.push(() => app.cleanup());
    const box = aesGcmSecretBox(randomBytes(32));
    let refused: unknown = null;
    try {
      saveProviderConfig(app.ctx.db, box, { ...android, inboundMode: 'webhook', publicUrl: 'http://192.168.1.10:4310' }, 1);
    } catch (e) {
      refused = e;
    }
    expect(refused).toMatchObject({ code: 'invalid_input', field: 'publicUrl', reason: 'sms-gateway:webhookNeedsHttps' });
    expect(loadProviderConfig(app.ctx.db, box, 'android')).toBeNull(); // nothing half-written
    saveProviderConfig(app.ctx.db, box, { ...android, inboundMode: 'webhook', publicUrl: 'https://desk.clinica.it' }, 2);
    expect(providerViews(app.ctx.db, box)[0]).toMatchObject({ inboundMode: 'webhook', webhookUrl: 'https://desk.clinica.it/hooks/sms/android' });
  });

  it('a configuration saved before the setting existed reads as polling (the mode that works on a LAN)', async () => {
    const app = await tempApp();
    cleanups.push(() => app.cleanup());
    const box = aesGcmSecretBox(randomBytes(32));
    saveProviderConfig(app.ctx.db, box, { ...android, publicUrl: '' }, 1);
    expect(providerViews(app.ctx.db, box)[0]).toMatchObject({ provider: 'android', inboundMode: 'polling' });
  });

  it.each([
    ['polling', ['GET /inbox']],
    ['webhook', []],
  ] as const)('in %s mode the poller asks the phone: %j', async (mode, expected) => {
    const phone = await startVendorServer(() => ({ status: 200, body: [] }));
    const app = await tempApp();
    cleanups.push(phone.close, () => app.cleanup());
    const provider = smsGateway.createProvider(
      { ...android, baseUrl: phone.url, inboundMode: mode, publicUrl: mode === 'webhook' ? 'https://desk.clinica.it' : '' },
      { now: () => app.clock.now() },
    );
    expect(provider.polls).toBe(mode === 'polling');
    const stop = startPolling(app.ctx.messaging, () => ({ provider, intervalMs: 60_000 }), 10);
    cleanups.push(stop);
    await new Promise((r) => setTimeout(r, 300));
    expect(phone.requests.map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual(expected);
  });
});
