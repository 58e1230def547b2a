import { create } from 'zustand';
import type { DraftDto } from '../../src-main/contract/drafts';
import type { MediaRefDto } from '../../src-main/contract/media';
import { desk } from '../api/client';

export interface Draft {
  body: string;
  mode: 'reply' | 'note';
  channel: 'whatsapp' | 'sms' | null;
  attachment: MediaRefDto | null;
}

interface DraftState {
  /** conversation id → the reply being written there. */
  drafts: Record<number, Draft>;
  loaded: boolean;
  load(): Promise<void>;
  /** Keep what was typed now (the store, at once) and in the database (shortly after, or at `flush`). */
  set(conversationId: number, draft: Draft): void;
  clear(conversationId: number): void;
  /** Drop a pending save (the draft is being sent). */
  hold(conversationId: number): void;
  /** Write pending drafts now (leaving a conversation, the page closing). */
  flush(): void;
}

const SAVE_AFTER_MS = 500;
const timers = new Map<number, ReturnType<typeof setTimeout>>();
const isEmpty = (d: Draft): boolean => d.body.trim() === '' && d.attachment === null;

function persist(conversationId: number, d: Draft | null): void {
  const body = d ?? { body: '', mode: 'reply' as const, channel: null, attachment: null };
  void desk.call('drafts.save', { conversationId, ...body }).catch(() => {
    // Offline or refused: the store still has it; the next keystroke or flush tries again.
  });
}

function schedule(conversationId: number): void {
  clearTimeout(timers.get(conversationId));
  timers.set(
    conversationId,
    setTimeout(() => {
      timers.delete(conversationId);
      persist(conversationId, useDrafts.getState().drafts[conversationId] ?? null);
    }, SAVE_AFTER_MS),
  );
}

const fromDto = (d: DraftDto): Draft => ({ body: d.body, mode: d.mode, channel: d.channel, attachment: d.attachment });

/** Reply drafts per conversation, like WhatsApp: they survive j/k, another screen, a reload and a restart. */
export const useDrafts = create<DraftState>((set, get) => ({
  drafts: {},
  loaded: false,
  load: async () => {
    const { drafts } = await desk.call('drafts.list', {});
    // Anything typed before the list arrived wins over the stored copy.
    set((s) => ({ loaded: true, drafts: { ...Object.fromEntries(drafts.map((d) => [d.conversationId, fromDto(d)])), ...s.drafts } }));
  },
  set: (conversationId, draft) => {
    set((s) => {
      const drafts = { ...s.drafts };
      if (isEmpty(draft) && draft.mode === 'reply') delete drafts[conversationId];
      else drafts[conversationId] = draft;
      return { drafts };
    });
    schedule(conversationId);
  },
  hold: (conversationId) => {
    clearTimeout(timers.get(conversationId));
    timers.delete(conversationId);
  },
  clear: (conversationId) => {
    clearTimeout(timers.get(conversationId));
    timers.delete(conversationId);
    set((s) => {
      const drafts = { ...s.drafts };
      delete drafts[conversationId];
      return { drafts };
    });
    persist(conversationId, null);
  },
  flush: () => {
    for (const [conversationId, timer] of timers) {
      clearTimeout(timer);
      persist(conversationId, get().drafts[conversationId] ?? null);
    }
    timers.clear();
  },
}));

// Another desk (or this one in another window) wrote or sent a draft. Ours, being typed, is not overwritten.
desk.on('draft.changed', ({ conversationId, draft }) => {
  if (timers.has(conversationId)) return;
  useDrafts.setState((s) => {
    const drafts = { ...s.drafts };
    if (draft) drafts[conversationId] = fromDto(draft);
    else delete drafts[conversationId];
    return { drafts };
  });
});
desk.onConnectionRestored(() => void useDrafts.getState().load().catch(() => undefined));
window.addEventListener('pagehide', () => useDrafts.getState().flush());
