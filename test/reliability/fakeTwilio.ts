import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Attempt } from './fakeSmsapi';

/**
 * A local Twilio Messages API that records every attempt and answers late, as a busy provider does: the
 * message is created when the POST arrives (201 and the Message resource leave `ackDelayMs` later), so a
 * desk killed in between never hears it. Twilio has no idempotency key: every POST creates a message.
 * - POST /2010-04-01/Accounts/{sid}/Messages.json (form: To, From, Body) → 201 { sid: SM…, status: queued, … }
 * - GET  …/Messages.json?To=…&PageSize=… → { messages: [...] } newest first (how the desk reconciles)
 * - GET  …/Messages/{sid}.json → the message, status `sent`
 * Shapes as in https://www.twilio.com/docs/messaging/api/message-resource.
 */
export interface TwilioMessage {
  sid: string;
  to: string;
  from: string;
  body: string;
  status: string;
  date_created: string;
  direction: 'outbound-api';
}

export async function startFakeTwilio(ackDelayMs: number): Promise<{ url: string; attempts: Attempt[]; lists: number; close(): Promise<void> }> {
  const attempts: Attempt[] = [];
  const messages: TwilioMessage[] = [];
  const state = { lists: 0 };
  let next = 1;
  const json = (res: http.ServerResponse, status: number, body: unknown, delay = 0): void => {
    setTimeout(() => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    }, delay);
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const one = /\/Messages\/(SM[0-9a-f]+)\.json$/.exec(url.pathname);
      if (req.method === 'POST' && url.pathname.endsWith('/Messages.json')) {
        const form = new URLSearchParams(raw);
        // Twilio's dates are RFC 2822 with second precision.
        const m: TwilioMessage = {
          sid: `SM${String(next++).padStart(32, '0')}`,
          to: form.get('To') ?? '',
          from: form.get('From') ?? '',
          body: form.get('Body') ?? '',
          status: 'queued',
          date_created: new Date().toUTCString().replace('GMT', '+0000'),
          direction: 'outbound-api',
        };
        messages.push(m);
        attempts.push({ idx: null, body: m.body, to: m.to, accepted: true, at: Date.now() });
        return json(res, 201, m, ackDelayMs);
      }
      if (req.method === 'GET' && url.pathname.endsWith('/Messages.json')) {
        // The desk also lists the clinic's own number for inbound SMS (DateSent>): not a reconciliation.
        if (!url.searchParams.has('DateSent>')) state.lists++;
        const to = url.searchParams.get('To');
        const size = Number(url.searchParams.get('PageSize') ?? 50);
        const page = messages.filter((m) => !to || m.to === to).reverse().slice(0, size);
        return json(res, 200, { messages: page, page: 0, page_size: size });
      }
      if (req.method === 'GET' && one) {
        const m = messages.find((x) => x.sid === one[1]);
        return m ? json(res, 200, { ...m, status: 'sent' }) : json(res, 404, { code: 20404, message: 'The requested resource was not found' });
      }
      json(res, 404, { code: 20404, message: 'The requested resource was not found' });
    });
    req.on('error', () => undefined);
    res.on('error', () => undefined);
  });
  server.on('connection', (s) => s.on('error', () => undefined));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    attempts,
    get lists() {
      return state.lists;
    },
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
