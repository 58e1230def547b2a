import type { AuthKeyValueStore, AuthRecord } from '../../../../src-main/channels/whatsapp/auth/authState';

/** An in-memory table with the same all-or-nothing write as the database store. */
export class MemoryStore implements AuthKeyValueStore {
  rows = new Map<string, Buffer>();
  writes: AuthRecord[][] = [];
  read(category: string, ids: readonly string[]): Map<string, Buffer> {
    const out = new Map<string, Buffer>();
    for (const id of ids) {
      const v = this.rows.get(`${category}/${id}`);
      if (v) out.set(id, v);
    }
    return out;
  }
  write(records: readonly AuthRecord[]): void {
    this.writes.push([...records]);
    for (const r of records) {
      if (r.value) this.rows.set(`${r.category}/${r.id}`, r.value);
      else this.rows.delete(`${r.category}/${r.id}`);
    }
  }
  clear(): void {
    this.rows.clear();
  }
}
