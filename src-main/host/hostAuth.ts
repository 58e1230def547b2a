import { timingSafeEqual } from 'node:crypto';

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * HTTP Basic login for a host opened to the LAN: any user name (it becomes the desk user shown on
 * replies and assignments) with the clinic's password. Returns the user name, or null.
 */
export function checkBasicAuth(header: string | undefined, password: string): string | null {
  if (!header?.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const user = decoded.slice(0, colon).trim() || 'desk';
  const given = Buffer.from(decoded.slice(colon + 1));
  const expected = Buffer.from(password);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return user.slice(0, 60);
}
