import type { Db } from '../../db/database';
import { setMessageStatus } from '../../db/repositories/messages';
import {
  markParked,
  markRetry,
  claimForSending,
  clearUncertain,
  markSent,
  nextDue,
  resumeInterrupted,
  type OutboxRow,
} from '../../db/repositories/outbox';
import { vetoMarketingRow } from '../campaigns/marketingWithdrawal';
import type { Channel, ChannelSender, MediaRef, SendResult } from '../messaging/channelPort';
import type { Clock } from '../shared/clock';
import type { Random } from '../shared/random';
import { retryDelay, shouldPark } from './backoff';

export interface OutboxOutcome {
  row: OutboxRow;
  result: SendResult;
  parked: boolean;
}

export interface OutboxWorkerOptions {
  db: Db;
  clock: Clock;
  random: Random;
  senders: () => ReadonlyMap<Channel, ChannelSender>;
  /** Told after each attempt, once the database reflects it (to push events to the UI). */
  onOutcome?: (o: OutboxOutcome) => void;
  /** Longest sleep between checks, so rows written by another process (the CLI) are noticed. */
  idleCheckMs?: number;
}

/**
 * Sends what the outbox holds: one row at a time per channel (so a channel's pacing holds),
 * retries with backoff, parks what keeps failing. The database is the only state, so a restart
 * resumes where the previous process stopped.
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private readonly busy = new Set<Channel>();
  private readonly idleCheckMs: number;

  constructor(private readonly o: OutboxWorkerOptions) {
    this.idleCheckMs = o.idleCheckMs ?? 5_000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    resumeInterrupted(this.o.db);
    this.kick();
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Call after enqueueing: sends now instead of at the next check. */
  kick(): void {
    if (!this.running) return;
    for (const channel of this.o.senders().keys()) void this.drain(channel);
    this.schedule();
  }

  /** Sends every row of the channel that is due now. Resolves when none is left. */
  async drain(channel: Channel): Promise<void> {
    if (this.busy.has(channel)) return;
    const sender = this.o.senders().get(channel);
    if (!sender) return;
    this.busy.add(channel);
    try {
      for (;;) {
        if (!this.running) return;
        const row = nextDue(this.o.db, channel, this.o.clock.now());
        if (!row) return;
        await this.attempt(sender, row);
      }
    } finally {
      this.busy.delete(channel);
      this.schedule();
    }
  }

  private async attempt(sender: ChannelSender, row: OutboxRow): Promise<void> {
    const { db, clock } = this.o;
    // A campaign row whose patient opted out or lost consent since it was queued is cancelled, not sent; the check and
    // the claim share a transaction so a consent written by another process cannot slip between them.
    const claimed = db.transaction(() => (vetoMarketingRow(db, row, clock.now()) ? undefined : claimForSending(db, row.id, clock.now())))();
    // Compare-and-set: a row another worker claimed meanwhile is left to it.
    if (!claimed) return;
    let result: SendResult;
    try {
      result = await sender.send({
        outboxId: row.id,
        idempotencyKey: row.idempotency_key,
        channel: row.channel,
        toPhone: row.to_phone,
        whatsappJid: row.whatsapp_jid,
        body: row.body,
        media: row.media ? (JSON.parse(row.media) as MediaRef) : null,
        firstContact: row.first_contact === 1,
        // Set when an earlier attempt's outcome is unknown (crash or no answer): see migration 031.
        uncertainSince: row.uncertain_since,
      });
    } catch (err) {
      // An adapter must return failures as values; a throw is treated as a retryable fault.
      result = { ok: false, code: 'provider_error', reason: `Unexpected error: ${(err as Error).message}`, retryable: true };
    }
    const now = clock.now();
    const failures = row.attempts + 1;
    let parked = false;
    db.transaction(() => {
      // Only "no answer" leaves the attempt in doubt; any answer from the provider settles it.
      if (result.ok || result.code !== 'network') clearUncertain(db, row.id);
      if (result.ok) {
        markSent(db, row.id, result.providerId, now);
        if (row.message_id) setMessageStatus(db, row.message_id, 'sent', now, { providerId: result.providerId });
      } else if (result.retryable && !shouldPark(failures)) {
        const at = Math.max(result.retryAt ?? 0, now + retryDelay(failures, this.o.random));
        markRetry(db, row.id, at, result.code, result.reason);
        if (row.message_id) setMessageStatus(db, row.message_id, 'queued', now, { failureReason: result.reason });
      } else {
        parked = true;
        markParked(db, row.id, result.code, result.reason);
        if (row.message_id) setMessageStatus(db, row.message_id, 'failed', now, { failureReason: result.reason });
      }
    })();
    this.o.onOutcome?.({ row: { ...row, attempts: failures }, result, parked });
  }

  private schedule(): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    // Only channels that can send now count: a due row of a channel that is busy (its drain reschedules when
    // it ends) or has no sender (e.g. WhatsApp not linked) would otherwise spin this timer at 0 ms.
    const free = [...this.o.senders().keys()].filter((c) => !this.busy.has(c));
    const dues = free.map((c) => nextDue(this.o.db, c, Number.MAX_SAFE_INTEGER)?.next_attempt_at).filter((t): t is number => t !== undefined);
    const next = dues.length > 0 ? Math.min(...dues) : undefined;
    const wait = next === undefined ? this.idleCheckMs : Math.min(this.idleCheckMs, Math.max(0, next - this.o.clock.now()));
    this.timer = setTimeout(() => this.kick(), wait);
    this.timer.unref?.();
  }
}
