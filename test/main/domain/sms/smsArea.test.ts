import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpRequest, HttpResponse } from '../../../../src-main/app/area';
import { twilioSignature } from '../../../../src-main/channels/sms/twilio/twilioWebhook';
import { getMessage } from '../../../../src-main/db/repositories/messages';
import { outboxByKey } from '../../../../src-main/db/repositories/outbox';
import { queueOutgoing, receiveInbound } from '../../../../src-main/domain/messaging/messagingService';
import { OutboxWorker } from '../../../../src-main/domain/outbox/outboxWorker';
import { seededRandom } from '../../../../src-main/domain/shared/random';
import { SmsOutboundSender } from '../../../../src-main/domain/sms/smsOutboundSender';
import { tempApp, T0 } from '../../../helpers/tempApp';
import { sequence, startVendorServer, type ScriptedReply } from '../../channels/sms/vendorServer';

const FIX = path.join(__dirname, '../../../fixtures/sms');
const created = JSON.parse(fs.readFileSync(path.join(FIX, 'twilio-message-created.json'), 'utf8')) as Record<string, unknown>;
const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'twilio-auth-token-0123';
const PUBLIC = 'https://desk.example.it';
const sidOf = (n: number): string => `SM${n.toString(16).padStart(32, '0')}`;

type TestApp = Awaited<ReturnType<typeof tempApp>>;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(replies: ScriptedReply[] = [{ status: 201, body: created }]) {
  const server = await startVendorServer(sequence(...replies));
  const app = await tempApp();
  cleanups.push(server.close, app.cleanup);
  await app.call('sms.saveProvider', { provider: 'twilio', accountSid: SID, authToken: TOKEN, from: '+15017122661', messagingServiceSid: '', baseUrl: server.url, publicUrl: PUBLIC });
  const worker = new OutboxWorker({ db: app.ctx.db, clock: app.clock, random: seededRandom(5), senders: () => app.ctx.senders });
  worker.start();
  cleanups.push(async () => worker.stop());
  return { app, server, worker };
}

function hook(app: TestApp, body: string, opts: { sign?: boolean; method?: 'GET' | 'POST'; remote?: string } = {}): Promise<HttpResponse> {
  const route = app.routes.find((r) => r.method === (opts.method ?? 'POST') && typeof r.path !== 'string' && r.path.test('/hooks/sms/twilio'))!;
  const pairs = [...new URLSearchParams(body).entries()];
  const req: HttpRequest = {
    method: opts.method ?? 'POST',
    path: '/hooks/sms/twilio',
    url: '/hooks/sms/twilio',
    params: { provider: 'twilio' },
    query: new URLSearchParams(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(opts.sign === false ? {} : { 'x-twilio-signature': twilioSignature(TOKEN, `${PUBLIC}/hooks/sms/twilio`, pairs) }),
    },
    body: Buffer.from(body, 'utf8'),
    remoteAddress: opts.remote ?? '203.0.113.7',
  };
  return Promise.resolve(route.handle(req));
}

const inboundForm = (sid: string, body: string, from = '+393331234567'): string =>
  new URLSearchParams({ MessageSid: sid, SmsSid: sid, AccountSid: SID, From: from, To: '+390212345678', Body: body, NumMedia: '0', NumSegments: '1', SmsStatus: 'received', ApiVersion: '2010-04-01' }).toString();
const statusForm = (sid: string, status: string, errorCode?: string): string =>
  new URLSearchParams({ MessageSid: sid, SmsSid: sid, AccountSid: SID, MessageStatus: status, SmsStatus: status, To: '+393331234567', From: '+15017122661', ApiVersion: '2010-04-01', ...(errorCode ? { ErrorCode: errorCode } : {}) }).toString();
const count = (app: TestApp, sql: string): number => (app.ctx.db.prepare(sql).get() as { n: number }).n;

describe('SMS settings and secrets', () => {
  it('stores the Auth Token sealed, never returns it, and plugs Twilio as the sms sender', async () => {
    const { app } = await setup();
    const view = (await app.call('sms.settings', {})) as { general: { activeProvider: string }; providers: Array<Record<string, unknown>> };
    expect(view.general.activeProvider).toBe('twilio');
    expect(view.providers[0]).toMatchObject({ provider: 'twilio', accountSid: SID, secretsSet: ['authToken'], webhookPath: '/hooks/sms/twilio', webhookUrl: `${PUBLIC}/hooks/sms/twilio` });
    expect(JSON.stringify(view)).not.toContain(TOKEN);
    const row = app.ctx.db.prepare('SELECT config, secrets FROM sms_providers').get() as { config: string; secrets: Buffer };
    expect(row.config + row.secrets.toString('latin1')).not.toContain(TOKEN);
    expect(app.ctx.senders.get('sms')).toBeInstanceOf(SmsOutboundSender);
    expect(JSON.stringify(app.ctx.db.prepare('SELECT details FROM audit_log').all())).not.toContain(TOKEN);
  });

  it('keeps the stored secret when saved again without it, and names the field when it is missing', async () => {
    const { app } = await setup();
    await app.call('sms.saveProvider', { provider: 'twilio', accountSid: SID, from: '+15017122662', messagingServiceSid: '', baseUrl: 'https://api.twilio.com', publicUrl: '' });
    const view = (await app.call('sms.settings', {})) as { providers: Array<Record<string, unknown>> };
    expect(view.providers[0]).toMatchObject({ from: '+15017122662', secretsSet: ['authToken'], webhookUrl: null });
    await expect(app.call('sms.saveProvider', { provider: 'smsapi', senderName: 'Clinica', baseUrl: 'https://api.smsapi.com', publicUrl: '' })).rejects.toMatchObject({ code: 'invalid_input', field: 'token' });
    await expect(app.call('sms.saveProvider', { provider: 'twilio', accountSid: 'nope', from: '', messagingServiceSid: '', baseUrl: 'https://api.twilio.com', publicUrl: '' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(app.call('sms.updateSettings', { activeProvider: 'android' })).rejects.toMatchObject({ code: 'invalid_input', field: 'activeProvider' });
  });

  it('previews segments with the clinic transliteration setting and warns above the limit', async () => {
    const { app } = await setup();
    // New clinics transliterate by default (issue 17); this clinic turned it off.
    await app.call('sms.updateSettings', { transliterate: false });
    expect(await app.call('sms.preview', { text: 'Zapłata jutro' })).toMatchObject({ encoding: 'UCS-2', segments: 1, ucs2Because: 'ł', sent: 'Zapłata jutro' });
    await app.call('sms.updateSettings', { transliterate: true, maxSegments: 1 });
    expect(await app.call('sms.preview', { text: 'Zapłata jutro' })).toMatchObject({ encoding: 'GSM-7', sent: 'Zaplata jutro', changes: [{ from: 'ł', to: 'l' }], overLimit: false });
    expect(await app.call('sms.preview', { text: 'a'.repeat(161) })).toMatchObject({ segments: 2, overLimit: true });
  });
});

describe('sending through the outbox', () => {
  it('a provider answering 500 twice then 201 sends the SMS once', async () => {
    const { app, server, worker } = await setup([{ status: 500, body: 'Internal Server Error' }, { status: 500, body: 'Internal Server Error' }, { status: 201, body: created }]);
    const { conversationId } = receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'in-1', fromPhone: '+393331234567', body: 'Buongiorno', at: T0 });
    const { message } = queueOutgoing(app.ctx.messaging, { conversationId, channel: 'sms', body: 'A domani alle 10', author: 'desk' });
    for (let i = 0; i < 3; i++) {
      await worker.drain('sms');
      app.clock.advance(60_000);
    }
    await worker.drain('sms');
    const posts = server.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(3);
    expect(getMessage(app.ctx.db, message.id)).toMatchObject({ status: 'sent', provider_id: 'SM1f0e8ae6ade43cb3c0ce4525424e404f' });
    expect(outboxByKey(app.ctx.db, `message:${message.id}`)).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('does not retry what cannot clear (invalid number) and shows the reason', async () => {
    const { app, server, worker } = await setup([{ status: 400, body: { code: 21211, message: "The 'To' number is not a valid phone number.", status: 400 } }]);
    const { conversationId } = receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'in-1', fromPhone: '+393331234567', body: 'Buongiorno', at: T0 });
    const { message } = queueOutgoing(app.ctx.messaging, { conversationId, channel: 'sms', body: 'A domani', author: 'desk' });
    await worker.drain('sms');
    app.clock.advance(3600_000);
    await worker.drain('sms');
    expect(server.requests).toHaveLength(1);
    expect(getMessage(app.ctx.db, message.id)).toMatchObject({ status: 'failed', failure_reason: "Twilio: the patient's number is not a valid phone number" });
  });

  it('sends a test SMS directly and reports the vendor error', async () => {
    const { app } = await setup([{ status: 401, body: { code: 20003, message: 'Authenticate', status: 401 } }]);
    expect(await app.call('sms.sendTest', { provider: 'twilio', to: '333 123 4567', text: 'Prova' })).toMatchObject({ ok: false, code: 'auth_failed', retryable: false });
    await expect(app.call('sms.sendTest', { provider: 'twilio', to: 'abc', text: 'Prova' })).rejects.toMatchObject({ field: 'to' });
    await expect(app.call('sms.sendTest', { provider: 'smsapi', to: '+48601234567', text: 'Prova' })).rejects.toMatchObject({ field: 'provider' });
  });
});

describe('transliteration at send time', () => {
  it('sends the transliterated text to the provider when the clinic turned it on', async () => {
    const { app, server, worker } = await setup();
    await app.call('sms.updateSettings', { transliterate: true });
    const { conversationId } = receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'in-1', fromPhone: '+48601234567', body: 'Dzień dobry', at: T0 });
    queueOutgoing(app.ctx.messaging, { conversationId, channel: 'sms', body: 'Zapłata gotówką, proszę.', author: 'desk' });
    await worker.drain('sms');
    expect(new URLSearchParams(server.requests[0]!.body).get('Body')).toBe('Zaplata gotowka, prosze.');
  });
});

describe('SMSAPI callbacks through the host route', () => {
  it('authenticates by the generated URL secret and applies a delivery report (GET, as SMSAPI calls it)', async () => {
    const smsapi = await startVendorServer(() => ({ status: 200, body: { count: 1, list: [{ id: 'SMSAPI-ID-1', points: 0.16, status: 'QUEUE' }] } }));
    const app = await tempApp();
    cleanups.push(smsapi.close, app.cleanup);
    const view = (await app.call('sms.saveProvider', { provider: 'smsapi', token: 'tok', senderName: 'Dentysta', baseUrl: smsapi.url, publicUrl: 'https://desk.example.pl' })) as { providers: Array<{ webhookPath: string; webhookUrl: string | null }> };
    const path = view.providers[0]!.webhookPath;
    expect(path).toMatch(/^\/hooks\/sms\/smsapi\/[\w-]{32}$/);
    const worker = new OutboxWorker({ db: app.ctx.db, clock: app.clock, random: seededRandom(5), senders: () => app.ctx.senders });
    worker.start();
    cleanups.push(async () => worker.stop());
    const { conversationId } = receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'in-1', fromPhone: '+48601234567', body: 'Dzień dobry', at: T0 });
    const { message } = queueOutgoing(app.ctx.messaging, { conversationId, channel: 'sms', body: 'Do jutra', author: 'desk' });
    await worker.drain('sms');
    expect(new URLSearchParams(smsapi.requests[0]!.body).get('notify_url')).toBe(view.providers[0]!.webhookUrl);

    const route = app.routes.find((r) => r.method === 'GET' && typeof r.path !== 'string' && r.path.test(path))!;
    const call = (url: string) =>
      Promise.resolve(route.handle({ method: 'GET', path: '/hooks/sms/smsapi', url, params: { provider: 'smsapi' }, query: new URL(url, 'http://x').searchParams, headers: {}, body: Buffer.alloc(0), remoteAddress: '91.185.184.1' }));
    expect((await call('/hooks/sms/smsapi?secret=wrong&MsgId=SMSAPI-ID-1&status=404')).status).toBe(401);
    const ok = await call(`${path}?MsgId=SMSAPI-ID-1&status=404&donedate=1795424405`);
    expect(ok).toMatchObject({ status: 200, body: 'OK' });
    expect(getMessage(app.ctx.db, message.id)!.status).toBe('delivered');
  });
});

describe('webhooks', () => {
  it('rejects an unsigned Twilio webhook with 401 and stores nothing', async () => {
    const { app } = await setup();
    const before = count(app, 'SELECT count(*) AS n FROM messages');
    const res = await hook(app, inboundForm(sidOf(1), 'Buongiorno'), { sign: false });
    expect(res.status).toBe(401);
    expect(JSON.stringify(res.body)).toContain('X-Twilio-Signature');
    expect(count(app, 'SELECT count(*) AS n FROM messages')).toBe(before);
    expect(count(app, 'SELECT count(*) AS n FROM patients')).toBe(0);
    expect(await app.call('sms.webhookLog', {})).toMatchObject({ entries: [{ provider: 'twilio', httpStatus: 401, outcome: 'rejected' }] });
  });

  it('stores a signed inbound SMS once, even when delivered twice', async () => {
    const { app } = await setup();
    const first = await hook(app, inboundForm(sidOf(2), 'Posso spostare la visita?'));
    expect(first).toMatchObject({ status: 200, headers: { 'Content-Type': 'text/xml; charset=utf-8' } });
    expect(String(first.body)).toContain('<Response>');
    await hook(app, inboundForm(sidOf(2), 'Posso spostare la visita?'));
    expect(count(app, "SELECT count(*) AS n FROM messages WHERE direction = 'in'")).toBe(1);
  });

  it('applies the same delivery report twice only once', async () => {
    const { app, worker } = await setup();
    const { conversationId } = receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'in-1', fromPhone: '+393331234567', body: 'Buongiorno', at: T0 });
    const { message } = queueOutgoing(app.ctx.messaging, { conversationId, channel: 'sms', body: 'A domani', author: 'desk' });
    await worker.drain('sms');
    const sid = 'SM1f0e8ae6ade43cb3c0ce4525424e404f';
    app.clock.advance(5_000);
    expect((await hook(app, statusForm(sid, 'delivered'))).status).toBe(200);
    const after1 = getMessage(app.ctx.db, message.id)!;
    app.clock.advance(5_000);
    expect((await hook(app, statusForm(sid, 'delivered'))).status).toBe(200);
    expect(getMessage(app.ctx.db, message.id)).toEqual(after1);
    expect(after1.status).toBe('delivered');
    const log = (await app.call('sms.webhookLog', {})) as { entries: Array<{ applied: number }> };
    expect(log.entries.map((e) => e.applied)).toEqual([0, 1]);
  });

  it('answers malformed payloads with 400 and a reason, storing nothing', async () => {
    const { app } = await setup();
    const res = await hook(app, inboundForm(sidOf(3), 'x').replace(/&Body=x/, ''));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('Body is missing');
    expect(count(app, 'SELECT count(*) AS n FROM messages')).toBe(0);
    expect((await hook(app, 'garbage')).status).toBe(400);
  });

  it('answers unknown and unconfigured providers with 404, and rate limits floods', async () => {
    const { app } = await setup();
    const route = app.routes.find((r) => r.method === 'POST' && typeof r.path !== 'string' && r.path.test('/hooks/sms/twilio'))!;
    expect(route.maxBody).toBe(64 * 1024);
    const base: HttpRequest = { method: 'POST', path: '', url: '', params: {}, query: new URLSearchParams(), headers: {}, body: Buffer.alloc(0), remoteAddress: '198.51.100.1' };
    expect((await route.handle({ ...base, params: { provider: 'nexmo' } })).status).toBe(404);
    expect((await route.handle({ ...base, params: { provider: 'android' } })).status).toBe(404);
    let last = 0;
    for (let i = 0; i < 125; i++) last = (await hook(app, 'x=1', { remote: '198.51.100.9' })).status;
    expect(last).toBe(429);
    expect((await hook(app, inboundForm(sidOf(4), 'ciao'), { remote: '198.51.100.10' })).status).toBe(200);
  });

  it('never slows a provider that signs its calls; only refused calls count towards the limit of an address', async () => {
    const { app } = await setup();
    // A gateway relaying 20 SMS a second from one address: 300 signed calls in one minute, all stored.
    const statuses = new Set<number>();
    for (let i = 0; i < 300; i++) statuses.add((await hook(app, inboundForm(sidOf(1000 + i), `messaggio ${i}`), { remote: '203.0.113.20' })).status);
    expect([...statuses]).toEqual([200]);
    expect(count(app, "SELECT count(*) AS n FROM messages WHERE direction = 'in'")).toBe(300);
    // A scanner with bad signatures from another address: refused, then refused before any work, even if it learns to sign.
    const bad: number[] = [];
    for (let i = 0; i < 125; i++) bad.push((await hook(app, inboundForm(sidOf(2000 + i), 'x'), { sign: false, remote: '203.0.113.66' })).status);
    expect(bad.slice(0, 120).every((s) => s === 401)).toBe(true);
    expect(bad.slice(120)).toEqual([429, 429, 429, 429, 429]);
    expect((await hook(app, inboundForm(sidOf(3000), 'ciao'), { remote: '203.0.113.66' })).status).toBe(429);
    // The provider's own address is not affected, and the scanner's minute ends.
    expect((await hook(app, inboundForm(sidOf(3001), 'ciao'), { remote: '203.0.113.20' })).status).toBe(200);
    app.clock.advance(61_000);
    expect((await hook(app, inboundForm(sidOf(3002), 'ciao'), { remote: '203.0.113.66' })).status).toBe(200);
  });
});

describe('opt-out by keyword', () => {
  it('STOP withdraws SMS consent, confirms once, and blocks later automatic SMS with a visible reason', async () => {
    const { app, worker } = await setup([{ status: 201, body: created }, { status: 201, body: { ...created, sid: sidOf(99) } }]);
    await hook(app, inboundForm(sidOf(10), 'Stop'));
    const patientId = (app.ctx.db.prepare('SELECT id FROM patients').get() as { id: number }).id;
    expect(app.ctx.db.prepare('SELECT granted, source FROM patient_consents WHERE patient_id = ? AND kind = ?').get(patientId, 'sms')).toEqual({ granted: 0, source: 'opt-out keyword' });
    const confirmations = (): number => count(app, "SELECT count(*) AS n FROM messages WHERE kind = 'sms_opt_out_confirmation'");
    expect(confirmations()).toBe(1);

    app.clock.advance(60_000);
    await hook(app, inboundForm(sidOf(11), 'STOP SMS'));
    await hook(app, inboundForm(sidOf(10), 'Stop'));
    expect(confirmations()).toBe(1);

    // The confirmation itself goes out; a later automatic SMS does not.
    await worker.drain('sms');
    const conf = app.ctx.db.prepare("SELECT status FROM messages WHERE kind = 'sms_opt_out_confirmation'").get() as { status: string };
    expect(conf.status).toBe('sent');
    const conversationId = (app.ctx.db.prepare('SELECT id FROM conversations').get() as { id: number }).id;
    const notice = queueOutgoing(app.ctx.messaging, { conversationId, channel: 'sms', body: 'Il dottore ha 20 minuti di ritardo', author: null, automatic: true, kind: 'delay_notice' });
    await worker.drain('sms');
    const blocked = getMessage(app.ctx.db, notice.message.id)!;
    expect(blocked.status).toBe('failed');
    expect(blocked.failure_reason).toMatch(/^Non inviato: il paziente ha risposto "STOP" il 2026-11-23/);
    expect(outboxByKey(app.ctx.db, `message:${notice.message.id}`)).toMatchObject({ status: 'parked', last_error_code: 'opted_out' });

    // A reply typed by the receptionist still goes: the patient may have asked something.
    const reply = queueOutgoing(app.ctx.messaging, { conversationId, channel: 'sms', body: 'Certo, la richiamiamo', author: 'desk' });
    await worker.drain('sms');
    expect(getMessage(app.ctx.db, reply.message.id)!.status).toBe('sent');
  });

  it('a bare NIE right after a reminder answers the reminder, not an opt-out', async () => {
    const { app } = await setup();
    const { conversationId } = receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'in-1', fromPhone: '+48601234567', body: 'Dzień dobry', at: T0 });
    queueOutgoing(app.ctx.messaging, { conversationId, channel: 'sms', body: 'Przypomnienie: wizyta jutro. TAK/NIE', author: null, automatic: true, kind: 'reminder' });
    await hook(app, inboundForm(sidOf(20), 'NIE', '+48601234567'));
    expect(count(app, 'SELECT count(*) AS n FROM patient_consents')).toBe(0);
    await hook(app, inboundForm(sidOf(21), 'STOP', '+48601234567'));
    expect(count(app, 'SELECT count(*) AS n FROM patient_consents WHERE granted = 0')).toBe(1);
  });
});
