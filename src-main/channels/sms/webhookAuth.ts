/** Constant-time comparisons and form parsing shared by the webhook parsers. */
import { timingSafeEqual } from 'node:crypto';

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** The shared secret a provider without signatures carries in the callback URL (`?secret=…`). */
export function urlSecretMatches(url: string, expected: string): boolean {
  if (!expected) return false;
  const given = new URL(url, 'http://placeholder').searchParams.get('secret');
  return given !== null && safeEqual(given, expected);
}

/** application/x-www-form-urlencoded body (or query string) into ordered pairs. */
export function formPairs(body: string): Array<[string, string]> {
  return [...new URLSearchParams(body).entries()];
}

export function formObject(body: string): Record<string, string> {
  return Object.fromEntries(formPairs(body));
}
