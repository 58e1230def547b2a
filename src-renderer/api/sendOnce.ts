import { ApiError } from './client';

/**
 * Sending a message exactly once from the browser: each message typed gets a key the desk de-duplicates
 * (message.send `clientKey`). The key is kept in sessionStorage until the desk confirms, so a retry after a
 * lost connection, or the same text sent again after a reload, reuses it and never sends twice.
 */
const STORE = 'clinic-desk.unconfirmedSends';

function unconfirmed(): Record<string, string> {
  try {
    return JSON.parse(sessionStorage.getItem(STORE) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

const fingerprint = (conversationId: number, body: string, media?: string): string => `${conversationId}\u0000${body}\u0000${media ?? ''}`;

/** getRandomValues works on plain-HTTP LAN pages too (randomUUID needs a secure context). */
const newKey = (): string => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

export function sendKeyFor(conversationId: number, body: string, media?: string): string {
  const all = unconfirmed();
  const fp = fingerprint(conversationId, body, media);
  const key = all[fp] ?? newKey();
  all[fp] = key;
  sessionStorage.setItem(STORE, JSON.stringify(all));
  return key;
}

export function sendConfirmed(conversationId: number, body: string, media?: string): void {
  const all = unconfirmed();
  delete all[fingerprint(conversationId, body, media)];
  sessionStorage.setItem(STORE, JSON.stringify(all));
}

/** Runs a call; a retryable failure (lost connection, timeout) is tried again up to `attempts` times. */
export async function withRetry<T>(fn: () => Promise<T>, attempts = 3, waitMs = 1000): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (!(err instanceof ApiError) || !err.retryable || i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, waitMs * i));
    }
  }
}
