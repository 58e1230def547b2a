import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local SMSAPI (POST /sms.do, form body, JSON answer) that records every attempt and answers late, as
 * a busy provider does: the message is accepted when the request arrives, the answer leaves `ackDelayMs`
 * later, so a desk killed in between never hears it. With `check_idx=1` a repeated `idx` is refused with
 * error 53, SMSAPI's documented answer for a duplicate (https://www.smsapi.com/docs/#2-single-sms).
 */
export interface Attempt {
  idx: string | null;
  body: string;
  to: string;
  accepted: boolean;
  at: number;
}

export async function startFakeSmsapi(ackDelayMs: number): Promise<{ url: string; attempts: Attempt[]; close(): Promise<void> }> {
  const attempts: Attempt[] = [];
  const seen = new Set<string>();
  let nextId = 1;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const form = new URLSearchParams(raw);
      const idx = form.get('idx');
      const duplicate = idx !== null && form.get('check_idx') === '1' && seen.has(idx);
      if (idx !== null && !duplicate) seen.add(idx);
      attempts.push({ idx, body: form.get('message') ?? '', to: form.get('to') ?? '', accepted: !duplicate, at: Date.now() });
      const answer = duplicate
        ? { error: 53, message: 'Not unique idx parameter' }
        : { count: 1, list: [{ id: `fake-${nextId++}`, points: 0.16, number: form.get('to'), status: 'QUEUE', idx }] };
      setTimeout(() => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(answer));
      }, ackDelayMs);
    });
    req.on('error', () => undefined);
    res.on('error', () => undefined);
  });
  server.on('connection', (s) => s.on('error', () => undefined));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    attempts,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
