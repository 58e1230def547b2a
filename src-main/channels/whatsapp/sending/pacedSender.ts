import type { ChannelSender, OutgoingMessage, SendResult } from '../../../domain/messaging/channelPort';
import type { Clock } from '../../../domain/shared/clock';
import type { Random } from '../../../domain/shared/random';
import {
  FIRST_CONTACT_WINDOW_MS,
  earliestSendAt,
  firstContactAllowance,
  nextGapMs,
  typingMs,
  type PacingSettings,
} from '../../../domain/whatsapp/pacing';
import type { FirstContactLedger } from '../../../domain/whatsapp/whatsappPort';

/**
 * A ChannelSender that never bursts: sends are serialised, each starts a jittered gap after the
 * previous one, shows "typing…" first, and first contacts respect the rolling daily cap.
 */

/** The socket side of a send, kept apart so the pacing is testable with fake timers. */
export interface PacedTransport {
  /** Finds the recipient's jid; a number without WhatsApp comes back as a failed SendResult. */
  resolve(m: OutgoingMessage): Promise<{ ok: true; jid: string } | { ok: false; result: SendResult }>;
  typing(jid: string, on: boolean): Promise<void>;
  deliver(m: OutgoingMessage, jid: string): Promise<SendResult>;
}

export type { FirstContactLedger } from '../../../domain/whatsapp/whatsappPort';

export interface PacerDeps {
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  random: Random;
  settings: () => PacingSettings;
  ledger: FirstContactLedger;
}

export class PacedSender implements ChannelSender {
  readonly channel = 'whatsapp' as const;
  private lastSentAt: number | null = null;
  private gapMs = 0;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly transport: PacedTransport,
    private readonly d: PacerDeps,
  ) {}

  send(m: OutgoingMessage): Promise<SendResult> {
    const run = this.tail.then(() => this.sendNow(m));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async sendNow(m: OutgoingMessage): Promise<SendResult> {
    const s = this.d.settings();
    const { clock } = this.d;
    if (m.firstContact) {
      const decision = firstContactAllowance(this.d.ledger.sentSince(clock.now() - FIRST_CONTACT_WINDOW_MS), clock.now(), s.firstContactDailyCap);
      if (!decision.allowed) {
        return {
          ok: false,
          code: 'daily_cap',
          reason: `Daily limit of ${s.firstContactDailyCap} WhatsApp messages to new numbers reached`,
          retryable: true,
          retryAt: decision.retryAt,
        };
      }
    }
    const target = await this.transport.resolve(m);
    if (!target.ok) return target.result;

    const typing = s.typing ? typingMs(m.body, this.d.random) : 0;
    // The gap counts from the previous send to this one, "typing…" included, so it is never shortened.
    const wait = earliestSendAt(this.lastSentAt, this.gapMs, clock.now()) - clock.now() - typing;
    if (wait > 0) await this.d.sleep(wait);
    if (typing > 0) {
      await this.transport.typing(target.jid, true).catch(() => undefined);
      await this.d.sleep(typing);
    }
    const startedAt = clock.now();
    let result: SendResult;
    try {
      result = await this.transport.deliver(m, target.jid);
    } finally {
      this.lastSentAt = startedAt;
      this.gapMs = nextGapMs(s, this.d.random);
    }
    if (typing > 0) await this.transport.typing(target.jid, false).catch(() => undefined);
    if (result.ok && m.firstContact) this.d.ledger.record(startedAt);
    return result;
  }
}
