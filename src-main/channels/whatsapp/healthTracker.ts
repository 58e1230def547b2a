import type { LinkError, WhatsAppHealth } from '../../domain/whatsapp/whatsappPort';
import type { Machine } from './connection/connectionMachine';
import type { Activity } from './inboundHandler';

type Facts = Omit<WhatsAppHealth, 'state' | 'reason' | 'attempt' | 'nextRetryAt'>;

const MAX_ERRORS = 20;

/** The facts behind the health panel, kept by the adapter and pushed to listeners on change. */
export class HealthTracker {
  private facts: Facts;
  private readonly listeners = new Set<() => void>();

  constructor(initial: Partial<WhatsAppHealth>) {
    this.facts = {
      qr: null,
      pairingCode: null,
      linkedPhone: initial.linkedPhone ?? null,
      linkedName: initial.linkedName ?? null,
      pairedAt: initial.pairedAt ?? null,
      lastInboundAt: initial.lastInboundAt ?? null,
      lastOutboundAt: initial.lastOutboundAt ?? null,
      phoneSeenAt: initial.phoneSeenAt ?? null,
      recentErrors: initial.recentErrors ?? [],
    };
  }

  get qr(): string | null {
    return this.facts.qr;
  }

  get pairedAt(): number | null {
    return this.facts.pairedAt;
  }

  snapshot(m: Machine): WhatsAppHealth {
    return { ...this.facts, recentErrors: [...this.facts.recentErrors], state: m.state, reason: m.reason, attempt: m.attempt, nextRetryAt: m.retryAt };
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  set(change: Partial<Facts>): void {
    this.facts = { ...this.facts, ...change };
    this.changed();
  }

  activity(a: Activity): void {
    const later = (prev: number | null, next: number | undefined): number | null => (next === undefined ? prev : Math.max(prev ?? 0, next));
    this.set({
      lastInboundAt: later(this.facts.lastInboundAt, a.inboundAt),
      lastOutboundAt: later(this.facts.lastOutboundAt, a.outboundAt),
      phoneSeenAt: later(this.facts.phoneSeenAt, a.phoneAt),
    });
  }

  error(at: number, message: string): void {
    const recentErrors: LinkError[] = [{ at, message }, ...this.facts.recentErrors].slice(0, MAX_ERRORS);
    this.set({ recentErrors });
  }

  changed(): void {
    for (const fn of this.listeners) fn();
  }
}
