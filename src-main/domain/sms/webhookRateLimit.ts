/**
 * A fixed-window limit per caller for the public webhook endpoints, so a misbehaving provider or a
 * scanner on the network cannot flood the desk. Pure: the caller passes the time.
 */
export class WindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one call; returns when to retry (ms epoch) if it is over the limit, else null. */
  hit(key: string, now: number): number | null {
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.windows.clear();
      this.windows.set(key, { start: now, count: 1 });
      return null;
    }
    w.count += 1;
    return w.count > this.max ? w.start + this.windowMs : null;
  }

  /** When a caller over the limit may come back (ms epoch), without counting a call; null when not over it. */
  blockedUntil(key: string, now: number): number | null {
    const w = this.windows.get(key);
    return w && now - w.start < this.windowMs && w.count >= this.max ? w.start + this.windowMs : null;
  }
}
