import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { aesGcmSecretBox } from '../../../../src-main/domain/shared/secretBox';
import { databaseFile } from '../../../../src-main/app/createApp';
import { openWorkerConnection, type Db } from '../../../../src-main/db/database';
import { loadProviderConfig, providerViews, removeProviderConfig, saveProviderConfig } from '../../../../src-main/domain/sms/providerStore';
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

describe('the configuration every webhook reads, kept in memory', () => {
  const android = { provider: 'android' as const, baseUrl: 'http://192.168.1.50:8080', username: 'sms', password: 'pa55', signingKey: 'k3y-1', simNumber: null, publicUrl: '' };

  it('reads the row once, then again only after a save (a rotated signing key is seen at once)', async () => {
    const app = await tempApp();
    cleanups.push(() => app.cleanup());
    const box = aesGcmSecretBox(randomBytes(32));
    saveProviderConfig(app.ctx.db, box, android, 1);
    const reads = countStatements(app.ctx.db, 'FROM sms_providers');
    const first = loadProviderConfig(app.ctx.db, box, 'android');
    expect(loadProviderConfig(app.ctx.db, box, 'android')).toBe(first);
    expect(reads()).toBe(1);
    expect(Object.isFrozen(first)).toBe(true);

    saveProviderConfig(app.ctx.db, box, { ...android, signingKey: 'k3y-2' }, 2);
    expect(loadProviderConfig(app.ctx.db, box, 'android')).toMatchObject({ signingKey: 'k3y-2' });
    removeProviderConfig(app.ctx.db, 'android');
    expect(loadProviderConfig(app.ctx.db, box, 'android')).toBeNull();
    // Another box (the key file replaced) never gets what the first one opened.
    saveProviderConfig(app.ctx.db, box, android, 3);
    expect(loadProviderConfig(app.ctx.db, box, 'android')).toMatchObject({ signingKey: 'k3y-1' });
    expect(() => loadProviderConfig(app.ctx.db, aesGcmSecretBox(randomBytes(32)), 'android')).toThrow(/enter them again/);
  });

  it('a save rolled back leaves the stored configuration in force', async () => {
    const app = await tempApp();
    cleanups.push(() => app.cleanup());
    const box = aesGcmSecretBox(randomBytes(32));
    saveProviderConfig(app.ctx.db, box, android, 1);
    expect(loadProviderConfig(app.ctx.db, box, 'android')).toMatchObject({ signingKey: 'k3y-1' });
    expect(() =>
      app.ctx.db.transaction(() => {
        saveProviderConfig(app.ctx.db, box, { ...android, signingKey: 'never-committed' }, 2);
        expect(loadProviderConfig(app.ctx.db, box, 'android')).toMatchObject({ signingKey: 'never-committed' });
        throw new Error('audit failed');
      })(),
    ).toThrow('audit failed');
    expect(loadProviderConfig(app.ctx.db, box, 'android')).toMatchObject({ signingKey: 'k3y-1' });
  });

  it('sees a save committed by another connection (PRAGMA data_version)', async () => {
    const app = await tempApp();
    cleanups.push(() => app.cleanup());
    const box = aesGcmSecretBox(randomBytes(32));
    saveProviderConfig(app.ctx.db, box, android, 1);
    expect(loadProviderConfig(app.ctx.db, box, 'android')).toMatchObject({ signingKey: 'k3y-1' });
    const other = openWorkerConnection(databaseFile(app.ctx.dataDir));
    cleanups.push(() => void other.close());
    saveProviderConfig(other, box, { ...android, signingKey: 'k3y-other' }, 2);
    expect(loadProviderConfig(app.ctx.db, box, 'android')).toMatchObject({ signingKey: 'k3y-other' });
  });
});

/** How many times statements whose SQL contains `fragment` run from now on (the statement cache hands out shared objects). */
function countStatements(db: Db, fragment: string): () => number {
  let n = 0;
  const prepare = db.prepare.bind(db);
  const seen = new WeakSet<object>();
  db.prepare = ((sql: string) => {
    const st = prepare(sql);
    if (sql.includes(fragment) && !seen.has(st)) {
      seen.add(st);
      for (const m of ['get', 'all', 'run', 'iterate'] as const) {
        const f = (st[m] as (...a: unknown[]) => unknown).bind(st);
        (st as unknown as Record<string, unknown>)[m] = (...a: unknown[]) => {
          n += 1;
          return f(...a);
        };
      }
    }
    return st;
  }) as Db['prepare'];
  return () => n;
}
