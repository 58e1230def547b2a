import crypto from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type tls from 'node:tls';

/** "AB:CD:…" or "abcd…" → "ABCD…": the user may paste the fingerprint either way. */
export const normalizeFingerprint = (f: string): string => f.replace(/[^0-9a-f]/gi, '').toUpperCase();

/** The SHA-256 fingerprint of a DER certificate, as browsers and `openssl x509 -fingerprint -sha256` print it. */
export const fingerprintOf = (der: Buffer): string =>
  crypto
    .createHash('sha256')
    .update(der)
    .digest('hex')
    .toUpperCase()
    .match(/../g)!
    .join(':');

/**
 * For an https main desk with a self-signed certificate: an agent that accepts the host's certificate only when
 * its SHA-256 fingerprint is the one the user confirmed. The check runs on 'secureConnect', before the request
 * (and so the password or the session cookie) is written. Null for plain http.
 */
export function pinnedAgent(url: string, fingerprint256: string | undefined): https.Agent | undefined {
  if (!url.startsWith('https:')) return undefined;
  if (!fingerprint256) return new https.Agent({ keepAlive: false });
  const want = normalizeFingerprint(fingerprint256);
  // No TLS session reuse: a resumed session shows no certificate, and every connection is checked afresh.
  const agent = new https.Agent({ keepAlive: false, rejectUnauthorized: false, maxCachedSessions: 0 });
  const create = agent.createConnection.bind(agent) as (o: tls.ConnectionOptions, cb?: unknown) => tls.TLSSocket;
  agent.createConnection = ((options: tls.ConnectionOptions, cb?: unknown) => {
    const socket = create(options, cb);
    socket.prependOnceListener('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      const got = cert?.raw ? normalizeFingerprint(fingerprintOf(cert.raw)) : '';
      if (got !== want) socket.destroy(Object.assign(new Error(`The main desk's certificate (${got || 'none'}) is not the one confirmed`), { code: 'CERT_FINGERPRINT_MISMATCH' }));
    });
    return socket;
  }) as typeof agent.createConnection;
  return agent;
}

export interface JsonResponse {
  status: number;
  setCookie: string[];
  body: unknown;
}

/** A small JSON request over http/https (the pinned agent needs node:https; fetch cannot take it). */
export function requestJson(url: string, o: { method: 'GET' | 'POST'; body?: unknown; cookie?: string | null; agent?: https.Agent | undefined }): Promise<JsonResponse> {
  const payload = o.body === undefined ? undefined : JSON.stringify(o.body);
  const headers: Record<string, string> = {};
  if (payload !== undefined) headers['Content-Type'] = 'application/json';
  if (o.cookie) headers.Cookie = o.cookie;
  const lib = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(url, { method: o.method, headers, timeout: 5000, ...(o.agent ? { agent: o.agent } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        let body: unknown = null;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          body = null;
        }
        resolve({ status: res.statusCode ?? 0, setCookie: res.headers['set-cookie'] ?? [], body });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(payload);
  });
}
