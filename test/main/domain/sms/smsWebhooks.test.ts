import { afterEach, describe, expect, it } from 'vitest';
import type { HttpRequest, HttpResponse } from '../../../../src-main/app/area';
import { androidSignature } from '../../../../src-main/channels/sms/android/androidGatewayWebhook';
import type { Db } from '../../../../src-main/db/database';
import { insertWebhookLog, WEBHOOK_LOG_KEEP, WEBHOOK_LOG_TRIM_EVERY } from '../../../../src-main/db/repositories/sms';
import { tempApp } from '../../../helpers/tempApp';

type TestApp = Awaited<ReturnType<typeof tempApp>>;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const ANDROID = { provider: 'android' as const, baseUrl: 'http://192.168.1.50:8080', username: 'sms', password: 'pa55', simNumber: null, publicUrl: '' };

async function setup(signingKey = 'key-one'): Promise<TestApp> {
  const app = await tempApp();
  cleanups.push(app.cleanup);
  await app.call('sms.saveProvider', { ...ANDROID, signingKey });
  return app;
}

/** An `sms:received` call of SMS Gateway for Android signed with `key`, through the host's route. */
function received(app: TestApp, key: string, n: number, phone = '+393331234567'): HttpResponse {
  const route = app.routes.find((r) => r.method === 'POST' && typeof r.path !== 'string' && r.path.test('/hooks/sms/android'))!;
  const body = JSON.stringify({ event: 'sms:received', id: `evt-${n}`, payload: { messageId: `m-${n}`, message: `messaggio ${n}`, phoneNumber: phone, receivedAt: new Date(app.clock.now()).toISOString() } });
  const ts = String(Math.floor(app.clock.now() / 1000));
  const req: HttpRequest = {
    method: 'POST',
    path: '/hooks/sms/android',
    url: '/hooks/sms/android',
    params: { provider: 'android' },
    query: new URLSearchParams(),
    headers: { 'content-type': 'application/json', 'x-signature': androidSignature(key, body, ts), 'x-timestamp': ts },
    body: Buffer.from(body, 'utf8'),
    remoteAddress: '192.168.1.50',
  };
  const res = route.handle(req);
  if (res instanceof Promise) throw new Error('the webhook route answers synchronously');
  return res;
}

const count = (app: TestApp, sql: string): number => (app.ctx.db.prepare(sql).get() as { n: number }).n;

/** Statements run from now on, by SQL text (the statement cache hands out one shared object per text). */
function recordStatements(db: Db): Map<string, number> {
  const runs = new Map<string, number>();
  const prepare = db.prepare.bind(db);
  const seen = new WeakSet<object>();
  db.prepare = ((sql: string) => {
    const st = prepare(sql);
    if (!seen.has(st)) {
      seen.add(st);
      for (const m of ['get', 'all', 'run', 'iterate'] as const) {
        const f = (st[m] as (...a: unknown[]) => unknown).bind(st);
        (st as unknown as Record<string, unknown>)[m] = (...a: unknown[]) => {
          runs.set(sql, (runs.get(sql) ?? 0) + 1);
          return f(...a);
        };
      }
    }
    return st;
  }) as Db['prepare'];
  return runs;
}

const runsOf = (runs: Map<string, number>, fragment: string): number => [...runs].filter(([sql]) => sql.includes(fragment)).reduce((n, [, c]) => n + c, 0);

describe('SMS webhook route', () => {
  it('a re-saved signing key is in force from the next call: the old key is refused, the new one accepted', async () => {
    const app = await setup('key-one');
    expect(received(app, 'key-one', 1).status).toBe(200);
    await app.call('sms.saveProvider', { ...ANDROID, signingKey: 'key-two' });
    const old = received(app, 'key-one', 2);
    expect(old.status).toBe(401);
    expect(JSON.stringify(old.body)).toContain('X-Signature does not match');
    expect(received(app, 'key-two', 3).status).toBe(200);
    expect(count(app, "SELECT count(*) AS n FROM messages WHERE direction = 'in'")).toBe(2);
  });

  it('reads no provider row and writes one log line per call once the configuration is known', async () => {
    const app = await setup();
    expect(received(app, 'key-one', 0).status).toBe(200); // the sender's patient and conversation are created here
    const runs = recordStatements(app.ctx.db);
    for (let n = 1; n <= 20; n++) expect(received(app, 'key-one', n).status).toBe(200);
    expect(runsOf(runs, 'FROM sms_providers')).toBe(0);
    expect(runsOf(runs, 'INSERT INTO sms_webhook_log')).toBe(20);
    expect(runsOf(runs, 'DELETE FROM sms_webhook_log')).toBe(0);
    expect(count(app, "SELECT count(*) AS n FROM messages WHERE direction = 'in'")).toBe(21);
    expect(await app.call('sms.webhookLog', { limit: 1 })).toMatchObject({ entries: [{ provider: 'android', httpStatus: 200, outcome: 'accepted', inbound: 1, applied: 1 }] });
  });

  it('a call that cannot be stored leaves nothing but its "failed" log line, and is accepted when delivered again', async () => {
    const app = await setup();
    app.ctx.db.exec("CREATE TEMP TRIGGER no_space BEFORE INSERT ON messages BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
    const res = received(app, 'key-one', 1, '+393339876543');
    expect(res.status).toBe(500);
    expect(count(app, 'SELECT count(*) AS n FROM messages')).toBe(0);
    expect(count(app, 'SELECT count(*) AS n FROM patients')).toBe(0);
    expect(count(app, 'SELECT count(*) AS n FROM conversations')).toBe(0);
    expect(await app.call('sms.webhookLog', {})).toMatchObject({ entries: [{ httpStatus: 500, outcome: 'failed', reason: expect.stringContaining('disk is full'), inbound: 0, applied: 0 }] });
    app.ctx.db.exec('DROP TRIGGER no_space');
    expect(received(app, 'key-one', 1, '+393339876543').status).toBe(200);
    expect(count(app, 'SELECT count(*) AS n FROM messages')).toBe(1);
  });
});

describe('webhook log', () => {
  it(`keeps at least the last ${WEBHOOK_LOG_KEEP} calls, trimming once every ${WEBHOOK_LOG_TRIM_EVERY}`, async () => {
    const app = await tempApp();
    cleanups.push(app.cleanup);
    const line = (i: number) => ({ provider: 'twilio', at: i, http_status: 200, outcome: 'accepted' as const, reason: null, inbound: 1, statuses: 0, applied: 1, remote: '203.0.113.7' });
    const sizes: number[] = [];
    for (let i = 1; i <= 2_450; i++) {
      insertWebhookLog(app.ctx.db, line(i));
      if (i > WEBHOOK_LOG_KEEP) sizes.push(count(app, 'SELECT count(*) AS n FROM sms_webhook_log'));
    }
    expect(Math.min(...sizes)).toBe(WEBHOOK_LOG_KEEP);
    expect(Math.max(...sizes)).toBeLessThan(WEBHOOK_LOG_KEEP + WEBHOOK_LOG_TRIM_EVERY);
    const { entries } = (await app.call('sms.webhookLog', { limit: 200 })) as { entries: Array<{ at: number }> };
    expect(entries.map((e) => e.at)).toEqual(Array.from({ length: 200 }, (_, k) => 2_450 - k));
  });
});
