import fs from 'node:fs';
import type { Channel, ChannelSender, InboundSink, OutgoingMessage, SendResult } from '../../domain/messaging/channelPort';

export interface SimulatedChannelOptions {
  channel: Channel;
  sink: InboundSink;
  now: () => number;
  /** Append-only record of what the "provider" accepted: the crash tests count lines per key. */
  ledgerFile: string;
  deliverAfterMs?: number;
  readAfterMs?: number;
  /** How long the "provider" takes to accept a message (crash tests widen the window with it). */
  latencyMs?: number;
}

/**
 * A provider that lives in the process: accepts what the outbox sends, then reports it delivered and
 * read after a moment. Like SMSAPI's `idx`, a repeated idempotency key is accepted once.
 */
export class SimulatedChannel implements ChannelSender {
  readonly channel: Channel;
  private readonly accepted = new Map<string, string>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly o: SimulatedChannelOptions) {
    this.channel = o.channel;
    if (fs.existsSync(o.ledgerFile)) {
      for (const line of fs.readFileSync(o.ledgerFile, 'utf8').split('\n')) {
        if (!line) continue;
        const entry = JSON.parse(line) as { key: string; providerId: string; channel: Channel };
        if (entry.channel === o.channel) this.accepted.set(entry.key, entry.providerId);
      }
    }
  }

  async send(m: OutgoingMessage): Promise<SendResult> {
    if (!m.toPhone && !m.whatsappJid) return { ok: false, code: 'invalid_number', reason: 'No recipient number', retryable: false };
    if (this.o.latencyMs) await new Promise((r) => setTimeout(r, this.o.latencyMs));
    const known = this.accepted.get(m.idempotencyKey);
    if (known) return { ok: true, providerId: known };
    const providerId = `sim-${this.channel}-${m.outboxId}-${m.idempotencyKey.replace(/[^a-z0-9]/gi, '').slice(0, 24)}`;
    const line = JSON.stringify({ key: m.idempotencyKey, providerId, channel: this.channel, to: m.toPhone, at: this.o.now() }) + '\n';
    const fd = fs.openSync(this.o.ledgerFile, 'a');
    try {
      fs.writeSync(fd, line);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    this.accepted.set(m.idempotencyKey, providerId);
    this.later(this.o.deliverAfterMs ?? 1200, () => this.o.sink.status({ channel: this.channel, providerId, status: 'delivered', at: this.o.now() }));
    this.later(this.o.readAfterMs ?? 3500, () => this.o.sink.status({ channel: this.channel, providerId, status: 'read', at: this.o.now() }));
    return { ok: true, providerId };
  }

  private later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    t.unref?.();
    this.timers.add(t);
  }

  dispose(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
