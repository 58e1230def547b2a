import type { CacheStore } from '@whiskeysockets/baileys';

/**
 * Baileys counts how often each of our messages was re-sent to a device that could not decrypt it
 * (`msgRetryCounterCache`, key `id:participant`, lib/Socket/messages-recv.js willSendMessageAgain /
 * updateSendMessageAgainCount) and stops at maxMsgRetryCount. Left to Baileys, that cache is created per
 * socket, so every reconnect forgot the counts and a phone stuck in a retry loop got resends forever.
 * This one is owned by the adapter (it survives reconnects) and, given a `persist` store, writes each count to
 * the database (whatsapp_retry_counts) so it also survives a restart of the app. Entries live an hour,
 * Baileys' DEFAULT_CACHE_TTLS.MSG_RETRY.
 */
/** Where counts outlive the process (domain/whatsapp/whatsappPort.ts RetryStateStore, the database in the app). */
export interface RetryCountPersistence {
  readCount(key: string): string | null;
  writeCount(key: string, value: string, expiresAt: number): void;
  deleteCount(key: string): void;
  clearCounts(): void;
}

export class RetryCounterCache implements CacheStore {
  private readonly entries = new Map<string, { value: unknown; expiresAt: number }>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs = 60 * 60_000,
    private readonly maxEntries = 5_000,
    private readonly persist: RetryCountPersistence | null = null,
  ) {}

  get<T>(key: string): T | undefined {
    const e = this.entries.get(key) ?? this.fromStore(key);
    if (!e) return undefined;
    if (e.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value as T;
  }

  /** A count written before a restart: read once from the store, then kept in memory like the others. */
  private fromStore(key: string): { value: unknown; expiresAt: number } | undefined {
    const raw = this.persist?.readCount(key);
    if (raw === null || raw === undefined) return undefined;
    const e = { value: JSON.parse(raw) as unknown, expiresAt: this.now() + this.ttlMs };
    this.entries.set(key, e);
    return e;
  }

  set<T>(key: string, value: T): void {
    this.entries.delete(key);
    const expiresAt = this.now() + this.ttlMs;
    this.entries.set(key, { value, expiresAt });
    this.persist?.writeCount(key, JSON.stringify(value ?? null), expiresAt);
    // Oldest first in a Map: drop from the front when a burst of retries would grow it without bound.
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  del(key: string): void {
    this.entries.delete(key);
    this.persist?.deleteCount(key);
  }

  flushAll(): void {
    this.entries.clear();
    this.persist?.clearCounts();
  }
}
