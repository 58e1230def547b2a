import { create } from 'zustand';
import type { CallbackTaskDto, CallDto } from '../../../src-main/contract/calls';
import type { Response } from '../../../src-main/contract';
import { desk } from '../../api/client';
import type { PeriodFilter } from '../../stores/inboxStore';

type Counts = Response<'calls.list'>['counts'];
export type ResultFilter = 'all' | 'unanswered' | 'answered' | 'outgoing';

interface CallsState {
  calls: CallDto[];
  total: number;
  counts: Counts | null;
  filter: ResultFilter;
  number: string;
  /** Only calls started in this period (set by a click on a statistic; removable above the log). */
  period: PeriodFilter | null;
  loading: boolean;
  tasks: CallbackTaskDto[];
  setFilter(filter: ResultFilter): void;
  setNumber(number: string): void;
  setPeriod(period: PeriodFilter | null): void;
  load(): Promise<void>;
  loadTasks(): Promise<void>;
}

const FILTERS: Record<ResultFilter, { results?: CallDto['result'][]; direction?: 'in' | 'out' }> = {
  all: {},
  unanswered: { results: ['missed', 'abandoned', 'voicemail', 'busy'], direction: 'in' },
  answered: { results: ['answered'], direction: 'in' },
  outgoing: { direction: 'out' },
};

/** The Calls view and the callback strip: the log (filtered), today's counts, and the open callback tasks. */
export const useCalls = create<CallsState>((set, get) => ({
  calls: [],
  total: 0,
  counts: null,
  filter: 'all',
  number: '',
  period: null,
  loading: false,
  tasks: [],
  setFilter(filter) {
    set({ filter });
    void get().load();
  },
  setNumber(number) {
    set({ number });
    void get().load();
  },
  setPeriod(period) {
    set({ period });
    void get().load();
  },
  async load() {
    set({ loading: true });
    const { filter, number, period } = get();
    try {
      const r = await desk.call('calls.list', {
        ...FILTERS[filter],
        ...(number.trim() ? { number: number.trim() } : {}),
        ...(period ? { from: period.from, to: period.to } : {}),
        limit: 200,
      });
      set({ calls: r.calls, total: r.total, counts: r.counts });
    } finally {
      set({ loading: false });
    }
  },
  async loadTasks() {
    const { tasks } = await desk.call('calls.callbacks', {});
    set({ tasks });
  },
}));

desk.on('calls.recorded', () => {
  if (useCalls.getState().counts) void useCalls.getState().load();
});
desk.on('calls.callbacksChanged', () => void useCalls.getState().loadTasks());
desk.onConnectionRestored(() => {
  void useCalls.getState().loadTasks();
  if (useCalls.getState().counts) void useCalls.getState().load();
});
