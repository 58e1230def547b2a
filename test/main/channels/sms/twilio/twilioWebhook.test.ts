import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTwilioWebhook, twilioSignature } from '../../../../../src-main/channels/sms/twilio/twilioWebhook';
import type { WebhookRequest } from '../../../../../src-main/domain/sms/smsPorts';

const FIX = path.join(__dirname, '../../../../fixtures/sms');
const form = (name: string): string => fs.readFileSync(path.join(FIX, name), 'utf8');
const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'tok3n';
const URL_ = 'https://desk.example.it/hooks/sms/twilio';
const opts = { accountSid: SID, authToken: TOKEN, region: 'IT' as const, now: Date.UTC(2026, 10, 23, 9, 0) };

function signed(body: string, over: Partial<WebhookRequest> = {}): WebhookRequest {
  return {
    method: 'POST',
    url: URL_,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(TOKEN, URL_, [...new URLSearchParams(body).entries()]) },
    rawBody: body,
    ...over,
  };
}

describe('Twilio request signature', () => {
  it("matches Twilio's documented example", () => {
    const params: Array<[string, string]> = [
      ['CallSid', 'CA1234567890ABCDE'],
      ['Caller', '+12349013030'],
      ['Digits', '1234'],
      ['From', '+12349013030'],
      ['To', '+18005551212'],
    ];
    expect(twilioSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
  });
});

describe('parseTwilioWebhook', () => {
  it('reads an incoming SMS', () => {
    const r = parseTwilioWebhook(signed(form('twilio-inbound.form')), opts);
    expect(r).toMatchObject({ ok: true, statuses: [], inbound: [{ channel: 'sms', providerId: 'SM9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d', fromPhone: '+393331234567', body: 'Buongiorno, posso spostare la visita?' }] });
    if (r.ok) expect(r.reply.body).toContain('<Response></Response>');
  });

  it('reads delivered and undelivered status callbacks', () => {
    expect(parseTwilioWebhook(signed(form('twilio-status-delivered.form')), opts)).toMatchObject({ ok: true, statuses: [{ providerId: 'SM1f0e8ae6ade43cb3c0ce4525424e404f', status: 'delivered' }] });
    expect(parseTwilioWebhook(signed(form('twilio-status-undelivered.form')), opts)).toMatchObject({
      ok: true,
      statuses: [{ status: 'failed', reason: "The patient's phone is off or unreachable" }],
    });
  });

  it('acknowledges queued/sending callbacks without a status change', () => {
    const body = form('twilio-status-delivered.form').replace(/delivered/g, 'sending');
    expect(parseTwilioWebhook(signed(body), opts)).toMatchObject({ ok: true, statuses: [], inbound: [] });
  });

  it.each([
    ['an unsigned request', (b: string) => signed(b, { headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 401, 'missing'],
    ['a wrong signature', (b: string) => signed(b, { headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' } }), 401, 'does not match'],
    ['a body changed after signing', (b: string) => ({ ...signed(b), rawBody: b.replace('Buongiorno', 'Buonasera') }), 401, 'does not match'],
    ['a signature for another URL', (b: string) => signed(b, { url: 'https://desk.example.it/hooks/sms/other' }), 401, 'does not match'],
    ['a GET', (b: string) => signed(b, { method: 'GET' }), 405, 'GET'],
    ['JSON instead of a form', (b: string) => signed(b, { headers: { ...signed(b).headers, 'content-type': 'application/json' } }), 415, 'content type'],
  ] as Array<[string, (b: string) => WebhookRequest, number, string]>)('rejects %s', (_l, make, status, words) => {
    const r = parseTwilioWebhook(make(form('twilio-inbound.form')), opts);
    expect(r).toMatchObject({ ok: false, httpStatus: status });
    if (!r.ok) expect(r.reason).toContain(words);
  });

  it('rejects a request when no Auth Token is configured', () => {
    expect(parseTwilioWebhook(signed(form('twilio-inbound.form')), { ...opts, authToken: '' })).toMatchObject({ ok: false, httpStatus: 401 });
  });

  it.each([
    ['another account', (b: string) => b.replace(SID, 'ACffffffffffffffffffffffffffffffff'), 422, 'AccountSid'],
    ['no MessageSid', (b: string) => b.replace(/&?(MessageSid|SmsSid|SmsMessageSid)=[^&]*/g, ''), 400, 'MessageSid'],
    ['no Body', (b: string) => b.replace(/&Body=[^&]*/, ''), 400, 'Body'],
    ['a short code sender', (b: string) => b.replace('From=%2B393331234567', 'From=TIM'), 422, 'From'],
  ] as Array<[string, (b: string) => string, number, string]>)('refuses a signed payload with %s', (_l, edit, status, words) => {
    const r = parseTwilioWebhook(signed(edit(form('twilio-inbound.form'))), opts);
    expect(r).toMatchObject({ ok: false, httpStatus: status });
    if (!r.ok) expect(r.reason).toContain(words);
  });

  it('acknowledges a status it does not act on (Twilio would retry a 4xx) and reads partially_delivered as sent', () => {
    const unknown = parseTwilioWebhook(signed(form('twilio-inbound.form').replace('SmsStatus=received', 'SmsStatus=exploded')), opts);
    expect(unknown).toMatchObject({ ok: true, inbound: [], statuses: [] });
    const partial = parseTwilioWebhook(signed(form('twilio-inbound.form').replace('SmsStatus=received', 'SmsStatus=partially_delivered')), opts);
    expect(partial).toMatchObject({ ok: true, statuses: [{ status: 'sent' }] });
  });
});
