/**
 * The database behind the WhatsApp link's retry state (RetryStateStore): Baileys' resend counts and the
 * sealed content of what we sent, so a retry request after a restart is still answered, and still capped.
 */
import type { Db } from '../../db/database';
import { clearRetryCounts, deleteRetryCount, loadSentContent, readRetryCount, saveSentContent, writeRetryCount } from '../../db/repositories/whatsappRetryState';
import type { RetryStateStore } from './whatsappPort';

/** Sent content is kept for resends for a week: a phone offline longer re-syncs from the primary device. */
export const SENT_CONTENT_KEEP_MS = 7 * 24 * 3600_000;

export function dbRetryState(db: Db, clock: { now(): number }): RetryStateStore {
  return {
    readCount: (key) => readRetryCount(db, key, clock.now()),
    writeCount: (key, value, expiresAt) => writeRetryCount(db, key, value, expiresAt, clock.now()),
    deleteCount: (key) => deleteRetryCount(db, key),
    clearCounts: () => clearRetryCounts(db),
    saveContent: (providerId, sealed) => saveSentContent(db, providerId, sealed, clock.now(), clock.now() - SENT_CONTENT_KEEP_MS),
    loadContent: (providerId) => loadSentContent(db, providerId),
  };
}
