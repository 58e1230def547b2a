/** Constant-time comparisons and form parsing shared by the webhook parsers. */
import { timingSafeEqual } from 'node:crypto';

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/**
 * The shared secret a provider without signatures carries in the callback URL: the last path segment
 * (`/hooks/sms/smsapi/<secret>`), or `?secret=` in URLs registered by earlier versions, which SMSAPI keeps
 * calling for messages sent before the update.
 */
export function urlSecretMatches(url: string, expected: string): boolean {
  if (!expected) return false;
  const u = new URL(url, 'http://placeholder');
  const segment = /^\/hooks\/sms\/[a-z0-9_-]+\/([^/]+)$/.exec(u.pathname)?.[1];
  const given = segment !== undefined ? decodeURIComponent(segment) : u.searchParams.get('secret');
  return given !== null && safeEqual(given, expected);
}

/** application/x-www-form-urlencoded body (or query string) into ordered pairs. */
export function formPairs(body: string): Array<[string, string]> {
  return [...new URLSearchParams(body).entries()];
}

export function formObject(body: string): Record<string, string> {
  return Object.fromEntries(formPairs(body));
}
