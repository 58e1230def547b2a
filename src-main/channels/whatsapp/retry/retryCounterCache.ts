import type { CacheStore } from '@whiskeysockets/baileys';

/**
 * Baileys counts how often each of our messages was re-sent to a device that could not decrypt it
 * (`msgRetryCounterCache`, key `id:participant`, lib/Socket/messages-recv.js willSendMessageAgain /
 * updateSendMessageAgainCount) and stops at maxMsgRetryCount. Left to Baileys, that cache is created per
 * socket, so every reconnect forgot the counts and a phone stuck in a retry loop got resends forever.
 * This one lives in the adapter's process memory: it survives reconnects, not a restart of the app
 * (a restart is rare and the counts only matter for an hour, Baileys' DEFAULT_CACHE_TTLS.MSG_RETRY).
 */
export class RetryCounterCache implements CacheStore {
  private readonly entries = new Map<string, { value: unknown; expiresAt: number }>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs = 60 * 60_000,
    private readonly maxEntries = 5_000,
  ) {}

  get<T>(key: string): T | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value as T;
  }

  set<T>(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
    // Oldest first in a Map: drop from the front when a burst of retries would grow it without bound.
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  del(key: string): void {
    this.entries.delete(key);
  }

  flushAll(): void {
    this.entries.clear();
  }
}
