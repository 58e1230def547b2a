import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SmsapiSender, smsapiIdx } from '../../../../../src-main/channels/sms/smsapi/smsapiSender';
import { parseSmsapiWebhook } from '../../../../../src-main/channels/sms/smsapi/smsapiWebhook';
import type { OutgoingMessage } from '../../../../../src-main/domain/messaging/channelPort';
import { ManualClock } from '../../../../../src-main/domain/shared/clock';
import { sequence, startVendorServer, type ScriptedReply } from '../vendorServer';

const FIX = path.join(__dirname, '../../../../fixtures/sms');
const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const msg: OutgoingMessage = { outboxId: 1, idempotencyKey: 'message:1', channel: 'sms', toPhone: '+48601234567', body: 'Dzień dobry, wizyta jutro o 10:00.' };

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function sender(replies: ScriptedReply[], timeoutMs = 2000) {
  const server = await startVendorServer(sequence(...replies));
  close = server.close;
  const s = new SmsapiSender(
    { token: 'smsapi-token', senderName: 'Dentysta', baseUrl: server.url, notifyUrl: 'https://desk.example.pl/hooks/sms/smsapi?secret=s3' },
    { fetch: (u, i) => fetch(u, i), clock: new ManualClock(T0), timeoutMs },
  );
  return { s, server };
}

describe('SmsapiSender against a local SMSAPI', () => {
  it('posts sms.do with the Bearer token, idx/check_idx and the callback URL', async () => {
    const ok = JSON.parse(fs.readFileSync(path.join(FIX, 'smsapi-send-ok.json'), 'utf8')) as object;
    const { s, server } = await sender([{ status: 200, body: ok }]);
    expect(await s.send(msg)).toEqual({ ok: true, providerId: '66E2B38E3336320B9E01F1CA' });
    const req = server.requests[0]!;
    expect(req.url).toBe('/sms.do');
    expect(req.headers.authorization).toBe('Bearer smsapi-token');
    const form = new URLSearchParams(req.body);
    expect(Object.fromEntries(form)).toMatchObject({ to: '48601234567', from: 'Dentysta', encoding: 'utf-8', format: 'json', check_idx: '1', idx: smsapiIdx('message:1') });
    expect(form.get('notify_url')).toBe('https://desk.example.pl/hooks/sms/smsapi?secret=s3');
    expect(form.get('message')).toBe(msg.body);
  });

  it.each([
    ['wrong token (101)', { status: 401, body: { error: 101, message: 'Authorization failed' } }, 'auth_failed', false],
    ['no credit (103)', { status: 200, body: { error: 103, message: 'Not enough points' } }, 'no_credit', false],
    ['invalid number (13)', { status: 200, body: { error: 13, message: 'No correct phone numbers' } }, 'invalid_number', false],
    ['blacklisted (57)', { status: 200, body: { error: 57, message: 'Blacklisted' } }, 'blocked', false],
    ['too many requests (429)', { status: 429, body: 'Too Many Requests', headers: { 'retry-after': '10' } }, 'rate_limited', true],
    ['server error (500)', { status: 500, body: 'Internal Server Error' }, 'provider_error', true],
  ] as Array<[string, ScriptedReply, string, boolean]>)('maps %s', async (_l, reply, code, retryable) => {
    const { s } = await sender([reply]);
    expect(await s.send(msg)).toMatchObject({ ok: false, code, retryable });
  });

  it('a retry after a lost answer is refused by SMSAPI as a duplicate idx (53) and counts as sent', async () => {
    const { s } = await sender([{ status: 200, body: { error: 53, message: 'Duplicated idx' } }]);
    expect(await s.send(msg)).toEqual({ ok: true, providerId: `idx:${smsapiIdx('message:1')}` });
  });

  it('a timeout is retryable', async () => {
    const { s } = await sender([{ status: 200, hang: true }], 300);
    expect(await s.send(msg)).toMatchObject({ ok: false, code: 'network', retryable: true });
  });
});

describe('parseSmsapiWebhook', () => {
  const url = (q: string): string => `/hooks/sms/smsapi?secret=s3&${q}`;
  const get = (q: string, secret = 's3') => parseSmsapiWebhook({ method: 'GET', url: url(q), headers: {}, rawBody: '' }, secret, T0);

  it('reads comma-joined delivery reports', () => {
    const r = get('MsgId=AAA,BBB&status=404,406&idx=k1,k2&donedate=1795424405,1795424406');
    expect(r).toMatchObject({ ok: true, statuses: [{ providerId: 'AAA', status: 'delivered' }, { providerId: 'idx:k1' }, { providerId: 'BBB', status: 'failed' }, { providerId: 'idx:k2' }] });
    if (r.ok) expect(r.reply.body).toBe('OK');
  });

  it('reads a received SMS', () => {
    expect(get('sms_from=48601234567&sms_to=48500000000&sms_text=NIE&sms_date=1795424400&MsgId=R1')).toMatchObject({
      ok: true,
      inbound: [{ fromPhone: '+48601234567', body: 'NIE', providerId: 'R1' }],
    });
  });

  it.each([
    ['no secret', parseSmsapiWebhook({ method: 'GET', url: '/hooks/sms/smsapi?MsgId=A&status=404', headers: {}, rawBody: '' }, 's3', T0), 401],
    ['a wrong secret', get('MsgId=A&status=404', 'other'), 401],
    ['a batch of only unknown status codes', get('MsgId=A&status=999'), 400],
    ['mismatched lists', get('MsgId=A,B&status=404'), 400],
    ['neither a report nor an SMS', get('hello=1'), 400],
  ] as const)('rejects %s', (_l, r, status) => {
    expect(r).toMatchObject({ ok: false, httpStatus: status });
  });

  it('one unknown status does not reject the batch: the others are applied and the odd one is noted', () => {
    const r = get('MsgId=A,B,C&status=404,999,405&idx=,,');
    expect(r).toMatchObject({ ok: true, statuses: [{ providerId: 'A', status: 'delivered' }, { providerId: 'C', status: 'failed' }] });
    if (r.ok) expect(r.notes).toEqual(['report 2 (B) has unknown status code "999"']);
  });

  it('reads the secret from the path (and still from ?secret= for URLs registered before)', () => {
    const inPath = parseSmsapiWebhook({ method: 'GET', url: '/hooks/sms/smsapi/s3?MsgId=A&status=404', headers: {}, rawBody: '' }, 's3', T0);
    expect(inPath).toMatchObject({ ok: true, statuses: [{ providerId: 'A', status: 'delivered' }] });
    const wrong = parseSmsapiWebhook({ method: 'GET', url: '/hooks/sms/smsapi/nope?MsgId=A&status=404', headers: {}, rawBody: '' }, 's3', T0);
    expect(wrong).toMatchObject({ ok: false, httpStatus: 401 });
  });
});
