import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TwilioSender } from '../../../../../src-main/channels/sms/twilio/twilioSender';
import type { OutgoingMessage } from '../../../../../src-main/domain/messaging/channelPort';
import { ManualClock } from '../../../../../src-main/domain/shared/clock';
import { sequence, startVendorServer, type ScriptedReply } from '../vendorServer';

const FIX = path.join(__dirname, '../../../../fixtures/sms');
const fixture = (name: string): object => JSON.parse(fs.readFileSync(path.join(FIX, name), 'utf8')) as object;
const SID = 'AC0123456789abcdef0123456789abcdef';
const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

const msg = (over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  outboxId: 1,
  idempotencyKey: 'message:1',
  channel: 'sms',
  toPhone: '+393331234567',
  body: 'Buongiorno, il dott. Rossi ha 20 minuti di ritardo.',
  ...over,
});

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function sender(replies: ScriptedReply[], opts: { timeoutMs?: number; from?: string } = {}) {
  const server = await startVendorServer(sequence(...replies));
  close = server.close;
  const s = new TwilioSender(
    { accountSid: SID, authToken: 'tok3n', from: opts.from ?? '+15017122661', baseUrl: server.url, statusCallbackUrl: 'https://desk.example.it/hooks/sms/twilio' },
    { fetch: (u, i) => fetch(u, i), clock: new ManualClock(T0), timeoutMs: opts.timeoutMs ?? 2000 },
  );
  return { s, server };
}

describe('TwilioSender against a local Twilio', () => {
  it('creates the message with Basic auth and a form body, and returns its sid', async () => {
    const { s, server } = await sender([{ status: 201, body: fixture('twilio-message-created.json') }]);
    const r = await s.send(msg());
    expect(r).toEqual({ ok: true, providerId: 'SM1f0e8ae6ade43cb3c0ce4525424e404f' });
    const req = server.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from(`${SID}:tok3n`).toString('base64')}`);
    expect(req.headers['content-type']).toContain('application/x-www-form-urlencoded');
    const form = new URLSearchParams(req.body);
    expect(form.get('To')).toBe('+393331234567');
    expect(form.get('From')).toBe('+15017122661');
    expect(form.get('Body')).toBe(msg().body);
    expect(form.get('StatusCallback')).toBe('https://desk.example.it/hooks/sms/twilio');
  });

  it.each([
    ['auth failure (401, 20003)', { status: 401, body: fixture('twilio-error-20003.json') }, 'auth_failed', false],
    ['invalid number (400, 21211)', { status: 400, body: fixture('twilio-error-21211.json') }, 'invalid_number', false],
    ['unsubscribed recipient (21610)', { status: 400, body: { code: 21610, message: 'Attempt to send to unsubscribed recipient', status: 400 } }, 'opted_out', false],
    ['region not enabled (21408)', { status: 400, body: { code: 21408, message: 'Permission to send an SMS has not been enabled', status: 400 } }, 'blocked', false],
    ['account suspended (20005)', { status: 401, body: { code: 20005, message: 'Account not active', status: 401 } }, 'blocked', false],
    ['429 too many requests', { status: 429, body: { code: 20429, message: 'Too Many Requests', status: 429 }, headers: { 'retry-after': '30' } }, 'rate_limited', true],
    ['503 server error', { status: 503, body: 'Service Unavailable' }, 'provider_error', true],
    ['unknown error code keeps Twilio message', { status: 400, body: { code: 21999, message: 'Something new', status: 400 } }, 'provider_error', false],
  ] as Array<[string, ScriptedReply, string, boolean]>)('maps %s', async (_label, reply, code, retryable) => {
    const { s } = await sender([reply]);
    const r = await s.send(msg());
    expect(r).toMatchObject({ ok: false, code, retryable });
    if (!r.ok) expect(r.reason.length).toBeGreaterThan(10);
    if (!r.ok && code === 'rate_limited') expect(r.retryAt).toBe(T0 + 30_000);
    if (!r.ok && _label.startsWith('unknown')) expect(r.reason).toContain('Something new');
  });

  it('a timeout is retryable, and the retry finds the message the lost attempt created instead of sending twice', async () => {
    const created = fixture('twilio-message-created.json') as { date_created: string };
    const { s, server } = await sender(
      [
        { status: 201, hang: true },
        { status: 200, body: { messages: [{ ...created, date_created: new Date(T0).toUTCString() }], page: 0, page_size: 20 } },
      ],
      { timeoutMs: 300 },
    );
    const first = await s.send(msg());
    expect(first).toMatchObject({ ok: false, code: 'network', retryable: true });
    const second = await s.send(msg());
    expect(second).toEqual({ ok: true, providerId: 'SM1f0e8ae6ade43cb3c0ce4525424e404f' });
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
    expect(server.requests[1]!.url).toContain('To=%2B393331234567');
  });

  it('after a timeout with nothing created, the retry sends', async () => {
    const { s, server } = await sender(
      [{ status: 201, hang: true }, { status: 200, body: { messages: [] } }, { status: 201, body: fixture('twilio-message-created.json') }],
      { timeoutMs: 300 },
    );
    expect((await s.send(msg())).ok).toBe(false);
    expect(await s.send(msg())).toMatchObject({ ok: true });
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'GET', 'POST']);
  });

  it('after a restart, an attempt the outbox recorded as uncertain is looked for before sending (no memory needed)', async () => {
    const created = fixture('twilio-message-created.json') as { date_created: string };
    const { s, server } = await sender([{ status: 200, body: { messages: [{ ...created, date_created: new Date(T0 + 5_000).toUTCString() }] } }]);
    // A fresh sender (new process) with the outbox's persisted mark: it lists first and does not POST again.
    expect(await s.send(msg({ uncertainSince: T0 }))).toEqual({ ok: true, providerId: 'SM1f0e8ae6ade43cb3c0ce4525424e404f' });
    expect(server.requests.map((r) => r.method)).toEqual(['GET']);
  });

  it('refuses to send without a From number or Messaging Service', async () => {
    const { s, server } = await sender([{ status: 201, body: {} }], { from: '' });
    expect(await s.send(msg())).toMatchObject({ ok: false, code: 'provider_error', retryable: false });
    expect(server.requests).toHaveLength(0);
  });

  it('polls a message status', async () => {
    const { s, server } = await sender([{ status: 200, body: { ...fixture('twilio-message-created.json'), status: 'undelivered', error_code: 30003 } }]);
    const u = await s.pollStatus('SM1f0e8ae6ade43cb3c0ce4525424e404f');
    expect(u).toMatchObject({ status: 'failed', reason: "The patient's phone is off or unreachable" });
    expect(server.requests[0]!.url).toBe(`/2010-04-01/Accounts/${SID}/Messages/SM1f0e8ae6ade43cb3c0ce4525424e404f.json`);
  });
});
