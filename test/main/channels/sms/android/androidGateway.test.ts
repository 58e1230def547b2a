import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AndroidGatewaySender, androidMessageId, webhookIdOfInboxId } from '../../../../../src-main/channels/sms/android/androidGatewaySender';
import { androidSignature, parseAndroidWebhook } from '../../../../../src-main/channels/sms/android/androidGatewayWebhook';
import type { OutgoingMessage } from '../../../../../src-main/domain/messaging/channelPort';
import { ManualClock } from '../../../../../src-main/domain/shared/clock';
import { sequence, startVendorServer, type ScriptedReply } from '../vendorServer';

const FIX = path.join(__dirname, '../../../../fixtures/sms');
const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const msg: OutgoingMessage = { outboxId: 1, idempotencyKey: 'message:9', channel: 'sms', toPhone: '+48601234567', body: 'Wizyta jutro o 10:00' };
const state = (s: string): object => ({ ...(JSON.parse(fs.readFileSync(path.join(FIX, 'android-message-state.json'), 'utf8')) as object), id: androidMessageId('message:9'), state: s });

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function sender(replies: ScriptedReply[], timeoutMs = 2000) {
  const server = await startVendorServer(sequence(...replies));
  close = server.close;
  const s = new AndroidGatewaySender({ baseUrl: server.url, username: 'sms', password: 'pa55', simNumber: 2 }, { fetch: (u, i) => fetch(u, i), clock: new ManualClock(T0), timeoutMs });
  return { s, server };
}

describe('AndroidGatewaySender against a local phone', () => {
  it('checks the id is not on the phone yet, then queues the SMS under it with Basic auth', async () => {
    const { s, server } = await sender([{ status: 404, body: { message: 'message not found' } }, { status: 202, body: state('Pending') }]);
    expect(await s.send(msg)).toEqual({ ok: true, providerId: androidMessageId('message:9') });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`GET /messages/${androidMessageId('message:9')}`, 'POST /messages']);
    expect(server.requests[1]!.headers.authorization).toBe(`Basic ${Buffer.from('sms:pa55').toString('base64')}`);
    expect(JSON.parse(server.requests[1]!.body)).toEqual({ id: androidMessageId('message:9'), message: msg.body, phoneNumbers: ['+48601234567'], withDeliveryReport: true, simNumber: 2 });
  });

  it('does not queue twice when a previous attempt reached the phone', async () => {
    const { s, server } = await sender([{ status: 200, body: state('Sent') }]);
    expect(await s.send(msg)).toMatchObject({ ok: true });
    expect(server.requests).toHaveLength(1);
  });

  it('maps a wrong password, a 5xx and an unreachable phone', async () => {
    expect(await (await sender([{ status: 401, body: 'Unauthorized' }])).s.send(msg)).toMatchObject({ ok: false, code: 'auth_failed', retryable: false });
    await close?.();
    expect(await (await sender([{ status: 500, body: 'boom' }])).s.send(msg)).toMatchObject({ ok: false, code: 'provider_error', retryable: true });
    await close?.();
    const timeout = await (await sender([{ status: 200, hang: true }], 300)).s.send(msg);
    expect(timeout).toMatchObject({ ok: false, code: 'not_connected', retryable: true });
    if (!timeout.ok) expect(timeout.reason).toContain('Local Server');
  });

  it('polls the message state', async () => {
    const { s } = await sender([{ status: 200, body: state('Delivered') }]);
    expect(await s.pollStatus(androidMessageId('message:9'))).toMatchObject({ status: 'delivered' });
  });
});

describe('parseAndroidWebhook', () => {
  const now = Date.parse('2026-11-23T09:00:30Z');
  const ts = String(Math.floor(now / 1000));
  const raw = fs.readFileSync(path.join(FIX, 'android-sms-received.json'), 'utf8').trim();
  const req = (body: string, headers: Record<string, string> = { 'x-signature': androidSignature('k3y', body, ts), 'x-timestamp': ts }) => ({ method: 'POST', url: '/hooks/sms/android', headers, rawBody: body });
  const o = { signingKey: 'k3y', region: 'PL' as const, now };

  it('reads a signed sms:received', () => {
    expect(parseAndroidWebhook(req(raw), o)).toMatchObject({ ok: true, inbound: [{ fromPhone: '+48601234567', body: 'STOP' }] });
  });
  it('reads a signed sms:delivered report', () => {
    const body = fs.readFileSync(path.join(FIX, 'android-sms-delivered.json'), 'utf8').trim().replace('PLACEHOLDER', androidMessageId('message:9'));
    expect(parseAndroidWebhook(req(body), o)).toMatchObject({ ok: true, statuses: [{ providerId: androidMessageId('message:9'), status: 'delivered', at: Date.parse('2026-11-23T10:00:05.000+01:00') }] });
  });
  it('rejects unsigned, wrongly signed, stale and malformed calls', () => {
    expect(parseAndroidWebhook(req(raw, {}), o)).toMatchObject({ ok: false, httpStatus: 401 });
    expect(parseAndroidWebhook(req(raw, { 'x-signature': 'ab'.repeat(32), 'x-timestamp': ts }), o)).toMatchObject({ ok: false, httpStatus: 401 });
    expect(parseAndroidWebhook(req(raw), { ...o, now: now + 10 * 60_000 })).toMatchObject({ ok: false, httpStatus: 401 });
    expect(parseAndroidWebhook(req('{not json'), o)).toMatchObject({ ok: false, httpStatus: 400 });
    expect(parseAndroidWebhook(req(raw.replace('"messageId":"abc123",', '')), o)).toMatchObject({ ok: false, httpStatus: 400 });
  });

  it('acknowledges events the desk does not use (the app retries any refusal 15 times)', () => {
    const body = raw.replace('"sms:received"', '"mms:received"');
    expect(parseAndroidWebhook(req(body), o)).toMatchObject({ ok: true, inbound: [], statuses: [], notes: ['event "mms:received" ignored'] });
  });
});

describe('polling the phone inbox (GET /inbox), for a LAN desk the app cannot post webhooks to', () => {
  it('maps the app\'s inbox id to the webhook messageId, so a message seen both ways is stored once', () => {
    // Kotlin: buildId = "text:" + hashCode(); webhook messageId = hashCode().toUInt().toString(16).
    expect(webhookIdOfInboxId('text:-1594586537')).toBe((-1594586537 >>> 0).toString(16));
    expect(webhookIdOfInboxId('text:-1594586537')).toBe('a0f48a57');
    expect(webhookIdOfInboxId('mms:12')).toBeNull();
  });

  it('lists received SMS since a time, with Basic auth', async () => {
    // The shape of localserver/routes/InboxRoutes.kt InboxMessage.
    const inbox = [
      { id: 'text:-1594586537', type: 'SMS', sender: '+48601234567', recipient: null, simNumber: 1, contentPreview: 'TAK, potwierdzam', createdAt: '2026-11-23T08:58:00.000Z', attachments: [] },
      { id: 'text:42', type: 'SMS', sender: 'ORANGE', recipient: null, simNumber: 1, contentPreview: 'Twoje saldo', createdAt: '2026-11-23T08:59:00.000Z', attachments: [] },
    ];
    const { s, server } = await sender([{ status: 200, body: inbox }]);
    const got = await s.pollInbound(T0 - 3600_000);
    expect(got).toEqual([
      expect.objectContaining({ providerId: `a0f48a57@${Date.parse('2026-11-23T08:58:00.000Z')}`, fromPhone: '+48601234567', body: 'TAK, potwierdzam' }),
    ]);
    expect(server.requests[0]!.url).toBe(`/inbox?type=SMS&limit=500&from=${encodeURIComponent(new Date(T0 - 3600_000).toISOString())}`);
  });
});
