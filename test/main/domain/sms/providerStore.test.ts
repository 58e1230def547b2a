import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { aesGcmSecretBox } from '../../../../src-main/domain/shared/secretBox';
import { loadProviderConfig, providerViews, saveProviderConfig } from '../../../../src-main/domain/sms/providerStore';
import { tempApp } from '../../../helpers/tempApp';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('provider store', () => {
  it('round-trips a provider config and says clearly when the key no longer opens it', async () => {
    const app = await tempApp();
    cleanups.push(() => app.cleanup());
    const box = aesGcmSecretBox(randomBytes(32));
    saveProviderConfig(app.ctx.db, box, { provider: 'android', baseUrl: 'http://192.168.1.50:8080', username: 'sms', password: 'pa55', signingKey: 'k3y', simNumber: 1, publicUrl: '' }, 1);
    expect(loadProviderConfig(app.ctx.db, box, 'android')).toMatchObject({ provider: 'android', username: 'sms', password: 'pa55', signingKey: 'k3y', simNumber: 1 });
    expect(providerViews(app.ctx.db, box)[0]).toMatchObject({ secretsSet: ['password', 'signingKey'] });
    expect(JSON.stringify(providerViews(app.ctx.db, box))).not.toContain('pa55');
    const otherKey = aesGcmSecretBox(randomBytes(32));
    expect(() => loadProviderConfig(app.ctx.db, otherKey, 'android')).toThrow(/enter them again/);
    expect(providerViews(app.ctx.db, otherKey)[0]).toMatchObject({ provider: 'android', secretsSet: [] });
  });
});

describe('re-entering credentials after the key changed', () => {
  it('accepts a save with the secrets typed again', async () => {
    const app = await tempApp();
    cleanups.push(() => app.cleanup());
    const input = { provider: 'twilio' as const, accountSid: `AC${'0'.repeat(32)}`, from: '+390212345678', messagingServiceSid: '', baseUrl: 'https://api.twilio.com', publicUrl: '' };
    saveProviderConfig(app.ctx.db, aesGcmSecretBox(randomBytes(32)), { ...input, authToken: 'old' }, 1);
    const fresh = aesGcmSecretBox(randomBytes(32));
    expect(() => saveProviderConfig(app.ctx.db, fresh, input, 2)).toThrow(/authToken/);
    saveProviderConfig(app.ctx.db, fresh, { ...input, authToken: 'new' }, 3);
    expect(loadProviderConfig(app.ctx.db, fresh, 'twilio')).toMatchObject({ authToken: 'new' });
  });
});
