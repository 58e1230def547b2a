import { create } from 'zustand';
import type { StatsPeriodKind, StatsResult } from '../../../src-main/contract/stats';
import { desk } from '../../api/client';

/** The statistics screen: which period, and the report with the period before it. */
interface StatsState {
  kind: StatsPeriodKind;
  /** Anchor of day/week/month (YYYY-MM-DD in the clinic's calendar); null = today. */
  date: string | null;
  from: string | null;
  to: string | null;
  result: StatsResult | null;
  loading: boolean;
  error: string | null;
  setKind(kind: StatsPeriodKind): void;
  setDate(date: string | null): void;
  setRange(from: string, to: string): void;
  /** One period earlier (-1) or later (+1). */
  shift(step: -1 | 1): void;
  load(): Promise<void>;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function addMonths(date: string, months: number): string {
  const d = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

let seq = 0;

export const useStats = create<StatsState>((set, get) => ({
  kind: 'day',
  date: null,
  from: null,
  to: null,
  result: null,
  loading: false,
  error: null,
  setKind(kind) {
    // The anchor day stays (today unless one was picked), so Week → Day returns to that day, not to Monday.
    const current = get().result?.current.period;
    if (kind === 'range' && current) set({ kind, from: current.from, to: current.to });
    else set({ kind });
    void get().load();
  },
  setDate(date) {
    set({ date });
    void get().load();
  },
  setRange(from, to) {
    set({ kind: 'range', from, to });
    void get().load();
  },
  shift(step) {
    const p = get().result?.current.period;
    if (!p) return;
    if (p.kind === 'range') {
      const days = Math.round((Date.parse(p.to) - Date.parse(p.from)) / 86_400_000) + 1;
      set({ from: addDays(p.from, step * days), to: addDays(p.to, step * days) });
    } else if (p.kind === 'month') set({ date: addMonths(p.from, step) });
    else set({ date: addDays(p.from, step * (p.kind === 'week' ? 7 : 1)) });
    void get().load();
  },
  async load() {
    const { kind, date, from, to } = get();
    const mine = ++seq;
    set({ loading: true, error: null });
    try {
      const req = kind === 'range' ? { kind, from: from ?? undefined, to: to ?? undefined } : { kind, ...(date ? { date } : {}) };
      const result = await desk.call('stats.report', req);
      if (mine === seq) set({ result, loading: false });
    } catch (err) {
      if (mine === seq) set({ loading: false, error: err instanceof Error ? err.message : String(err) });
    }
  },
}));
