import os from 'node:os';
import { isLoopback } from './hostAuth';

/**
 * Which names a browser may use to reach this desk. A page from any other origin must not read or write
 * (CSRF, cross-site WebSocket), and a request whose Host is a foreign name is a DNS-rebinding attack:
 * evil.example resolved to 127.0.0.1 still says `Host: evil.example`.
 * Allowed: loopback names, the address the host listens on, the names and addresses IT lists
 * (`serve --allow-host`, CLINIC_DESK_ALLOWED_HOSTS), and, when listening on every interface, this
 * machine's own addresses and host name.
 */
export interface OriginPolicy {
  hostAllowed(hostHeader: string | undefined): boolean;
  /** A missing Origin is a non-browser client (curl, an integration): allowed; browsers always send it on POST and WebSocket. */
  originAllowed(origin: string | undefined): boolean;
  names: ReadonlySet<string>;
}

/** "Studio.Local:4780" -> "studio.local"; "[::1]:4780" -> "::1". */
export function hostName(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']'));
  const colon = h.lastIndexOf(':');
  return (colon >= 0 && h.indexOf(':') === colon ? h.slice(0, colon) : h).replace(/\.$/, '');
}

export function originPolicy(o: { bindHost: string; allowHosts?: string[]; port: () => number; tls?: boolean }): OriginPolicy {
  const names = new Set<string>(['localhost', '127.0.0.1', '::1']);
  const add = (n: string): void => void (n.trim() && names.add(hostName(n)));
  if (o.bindHost === '0.0.0.0' || o.bindHost === '::') {
    for (const list of Object.values(os.networkInterfaces())) for (const a of list ?? []) add(a.address);
    add(os.hostname());
    add(`${os.hostname()}.local`);
  } else add(o.bindHost);
  for (const n of o.allowHosts ?? []) add(n);
  return {
    names,
    hostAllowed(hostHeader) {
      if (!hostHeader) return false;
      const name = hostName(hostHeader);
      return names.has(name) || (isLoopback(name) && isLoopback(o.bindHost));
    },
    originAllowed(origin) {
      if (origin === undefined) return true;
      let url: URL;
      try {
        url = new URL(origin);
      } catch {
        return false; // "null" (sandboxed frames, file://) and garbage
      }
      const scheme = o.tls ? 'https:' : 'http:';
      const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
      return url.protocol === scheme && port === o.port() && names.has(hostName(url.host));
    },
  };
}

/** Sent with every response: no framing, no sniffing, no referrer leaking patient URLs, API calls only to ourselves. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
