import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local Twilio Messages API that remembers every SMS body it gets and accepts it (201, a queued message).
 * `refuseFirst`: the first SMS gets Twilio's documented 401 instead (error 20003, bad credentials).
 */
export async function fakeTwilio(opts: { accountSid?: string; refuseFirst?: boolean } = {}): Promise<{ url: string; bodies: string[]; close(): void }> {
  const bodies: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      bodies.push(body);
      const refuse = opts.refuseFirst === true && bodies.length === 1;
      res.writeHead(refuse ? 401 : 201, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          refuse
            ? { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 }
            : { sid: 'SM1f0e8ae6ade43cb3c0ce4525424e404f', status: 'queued', ...(opts.accountSid ? { account_sid: opts.accountSid } : {}) },
        ),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bodies, close: () => server.close() };
}
