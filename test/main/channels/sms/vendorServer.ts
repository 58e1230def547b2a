import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface ScriptedReply {
  status: number;
  body?: string | object;
  headers?: Record<string, string>;
  /** Never answer (the client must time out). */
  hang?: boolean;
}

export type Responder = (req: RecordedRequest) => ScriptedReply;

/**
 * A vendor API on 127.0.0.1 that answers what the test scripts, in the vendor's documented shapes, and
 * records every request it received.
 */
export async function startVendorServer(respond: Responder): Promise<{ url: string; requests: RecordedRequest[]; close(): Promise<void> }> {
  const requests: RecordedRequest[] = [];
  const hanging: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rec: RecordedRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(rec);
      const reply = respond(rec);
      if (reply.hang) {
        hanging.push(res);
        return;
      }
      const isObject = typeof reply.body === 'object';
      res.writeHead(reply.status, { 'content-type': isObject ? 'application/json' : 'text/plain', ...reply.headers });
      res.end(isObject ? JSON.stringify(reply.body) : (reply.body ?? ''));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of hanging) r.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Replies taken in order; the last one repeats. */
export function sequence(...replies: ScriptedReply[]): Responder {
  let i = 0;
  return () => replies[Math.min(i++, replies.length - 1)]!;
}
