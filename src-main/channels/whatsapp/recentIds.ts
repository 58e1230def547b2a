/**
 * The ids handled lately, bounded: after a reconnect WhatsApp re-delivers what the desk may already
 * have (offline queue, history sync), and the same edit arrives both raw and processed. The
 * database stays the source of truth across restarts; this only spares repeated work.
 */
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity = 5_000) {}

  /** True the first time an id is seen; false for a repeat. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return true;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }
}
