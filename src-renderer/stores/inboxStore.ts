import { create } from 'zustand';
import type { Request } from '../../src-main/contract';
import { INBOX_STATUS_SETS, type ConversationSummary, type InboxCounts, type PatientCard, type SearchResult, type TimelineItem, type TimelineMessage } from '../../src-main/contract/inbox';
import type { MediaRefDto } from '../../src-main/contract/media';
import { sendConfirmed, sendKeyFor, withRetry } from '../api/sendOnce';
import { desk } from '../api/client';
import { errorText } from '../i18n/errors';

interface OpenConversation {
  conversation: ConversationSummary;
  patient: PatientCard;
  /** The newest page first; older pages are added in front as the receptionist scrolls up. */
  timeline: TimelineItem[];
  /** Where the page before the oldest shown starts; null when the whole history is shown. */
  olderCursor: string | null;
}

type ListRequest = Request<'inbox.list'>;
export type StatusFilter = NonNullable<ListRequest['status']>;
export type ChannelFilter = 'whatsapp' | 'sms' | 'call' | null;
export type ViewFilter = 'all' | 'mine' | 'unanswered';
/** A statistic's period carried into the list behind it: [from, to) in ms, and its first and last clinic dates to show. */
export interface PeriodFilter {
  from: number;
  to: number;
  fromDate: string;
  toDate: string;
}
export interface InboxFilter {
  view: ViewFilter;
  status: StatusFilter;
  channel: ChannelFilter;
  /** Only conversations active in this period (set by a click on a statistic; removable in the toolbar). */
  period?: PeriodFilter | null;
}

/** One page of the list; the virtualised list asks for the next one as the receptionist scrolls. */
export const PAGE_SIZE = 100;

interface InboxState {
  filter: InboxFilter;
  items: ConversationSummary[];
  total: number;
  loading: boolean;
  /** Keyset cursor of the next list page (null: the list is complete). */
  nextCursor: string | null;
  loadingOlder: boolean;
  counts: InboxCounts | null;
  me: string;
  users: string[];
  open: OpenConversation | null;
  /** A message to scroll to and flash (a search result was chosen). */
  focusMessageId: number | null;
  error: string | null;
  doNotDisturb: boolean;
  /** The snooze menu of the open conversation (the `s` key opens it too). */
  snoozeOpen: boolean;
  setFilter(f: Partial<InboxFilter>): Promise<void>;
  loadList(): Promise<void>;
  loadMore(): Promise<void>;
  refreshCounts(): Promise<void>;
  openConversation(id: number): Promise<void>;
  reloadOpen(): Promise<void>;
  /** Loads the timeline page before the oldest one shown (scrolling up). */
  loadOlder(): Promise<void>;
  send(body: string, channel?: 'whatsapp' | 'sms', media?: MediaRefDto): Promise<void>;
  addNote(body: string): Promise<void>;
  retry(messageId: number): Promise<void>;
  setStatus(status: 'open' | 'waiting' | 'done'): Promise<void>;
  snooze(until: number): Promise<void>;
  assign(to: string | null): Promise<void>;
  setDoNotDisturb(on: boolean): Promise<void>;
}

/** Keeps the list in inbox order: waiting oldest first, then most recent activity (same rule as the server). */
export function inboxOrder(a: ConversationSummary, b: ConversationSummary): number {
  if ((a.waitingSince === null) !== (b.waitingSince === null)) return a.waitingSince === null ? 1 : -1;
  if (a.waitingSince !== null && b.waitingSince !== null && a.waitingSince !== b.waitingSince) return a.waitingSince - b.waitingSince;
  return (b.lastMessageAt ?? 0) - (a.lastMessageAt ?? 0) || a.id - b.id;
}


/**
 * Whether a conversation pushed by the server belongs in the list as filtered. The channel filter
 * ("has ever used SMS") cannot be told from a summary: one already listed stays, a new one joins
 * when its latest message came on that channel.
 */
export function matchesFilter(c: ConversationSummary, f: InboxFilter, me: string, listed: boolean): boolean {
  if (c.lastMessageAt === null || !(INBOX_STATUS_SETS[f.status] as readonly string[]).includes(c.status)) return false;
  if (f.view === 'mine' && c.assignedTo !== me) return false;
  if (f.view === 'unanswered' && c.waitingSince === null) return false;
  // A period: a listed conversation stays; a new one joins when its latest activity falls inside the period.
  if (f.period && !listed && (c.lastMessageAt < f.period.from || c.lastMessageAt >= f.period.to)) return false;
  if (f.channel === 'call') return listed;
  if (f.channel) return listed || c.lastChannel === f.channel;
  return true;
}

function upsertItem(timeline: TimelineItem[], item: TimelineItem): TimelineItem[] {
  const i = timeline.findIndex((x) => x.type === item.type && x.id === item.id);
  if (i >= 0) return timeline.map((x, j) => (j === i ? item : x));
  return [...timeline, item].sort((a, b) => a.at - b.at || a.id - b.id);
}

const listRequest = (f: InboxFilter, cursor: string | null): ListRequest => ({
  status: f.status,
  mine: f.view === 'mine',
  unanswered: f.view === 'unanswered',
  channel: f.channel,
  ...(f.period ? { from: f.period.from, to: f.period.to } : {}),
  limit: PAGE_SIZE,
  cursor,
});

/** Older timeline pages loaded while looking for a message chosen in search, at most. */
const MAX_FOCUS_PAGES = 40;

let listGeneration = 0;
let listInFlight: { key: string; promise: Promise<void> } | null = null;
let startupList: { key: string; promise: Promise<void> } | null = null;

/** The first page of conversations, asked while the desk starts (main.tsx), before the inbox is on screen. */
export function prefetchList(): void {
  const promise = useInbox.getState().loadList();
  promise.catch(() => undefined);
  startupList = { key: JSON.stringify(useInbox.getState().filter), promise };
}
let countsTimer: ReturnType<typeof setTimeout> | null = null;

export const useInbox = create<InboxState>((set, get) => {
  const guard = async (fn: () => Promise<unknown>): Promise<void> => {
    set({ error: null });
    try {
      await fn();
    } catch (err) {
      set({ error: errorText(err) });
      throw err;
    }
  };
  const openId = (): number | null => get().open?.conversation.id ?? null;
  return {
    filter: { view: 'all', status: 'active', channel: null, period: null },
    items: [],
    total: 0,
    loading: false,
    nextCursor: null,
    loadingOlder: false,
    counts: null,
    me: '',
    users: [],
    open: null,
    focusMessageId: null,
    error: null,
    doNotDisturb: false,
    snoozeOpen: false,
    setFilter: async (f) => {
      set({ filter: { ...get().filter, ...f } });
      await get().loadList();
    },
    loadList: () => {
      // The desk asks for the first page while it starts (prefetchList), and the inbox asks again when it mounts:
      // the start's answer serves that first ask, and a request still on its way serves any same ask.
      const key = JSON.stringify(get().filter);
      const startup = startupList;
      startupList = null;
      if (startup?.key === key) return startup.promise;
      if (listInFlight?.key === key) return listInFlight.promise;
      const promise = (async () => {
        const generation = ++listGeneration;
        set({ loading: true });
        const [{ items, total, nextCursor }, users, dnd] = await Promise.all([
          desk.call('inbox.list', listRequest(get().filter, null)),
          desk.call('inbox.users', {}),
          desk.call('inbox.notifications', {}),
        ]);
        if (generation !== listGeneration) return; // a newer filter won
        set({ items, total, nextCursor, loading: false, me: users.me, users: users.users, doNotDisturb: dnd.doNotDisturb });
        void get().refreshCounts();
      })().finally(() => {
        if (listInFlight?.promise === promise) listInFlight = null;
      });
      listInFlight = { key, promise };
      return promise;
    },
    loadMore: async () => {
      const { loading, nextCursor } = get();
      if (loading || nextCursor === null) return;
      const generation = listGeneration;
      set({ loading: true });
      const page = await desk.call('inbox.list', listRequest(get().filter, nextCursor));
      if (generation !== listGeneration) return;
      const known = new Set(get().items.map((c) => c.id));
      set({ items: [...get().items, ...page.items.filter((c) => !known.has(c.id))], total: page.total, nextCursor: page.nextCursor, loading: false });
    },
    refreshCounts: async () => set({ counts: await desk.call('inbox.counts', {}) }),
    openConversation: async (id) => {
      const data = await desk.call('conversation.get', { conversationId: id });
      set({ open: data, error: null, snoozeOpen: false });
      // A message chosen in search may be older than the newest page: load pages until it is in.
      for (let pages = 0; pages < MAX_FOCUS_PAGES; pages++) {
        const { focusMessageId, open } = get();
        if (focusMessageId === null || open?.conversation.id !== id || open.olderCursor === null) break;
        if (open.timeline.some((i) => i.type === 'message' && i.id === focusMessageId)) break;
        await get().loadOlder();
      }
      if (data.conversation.unreadCount > 0) await desk.call('conversation.markRead', { conversationId: id });
    },
    reloadOpen: async () => {
      const id = openId();
      if (id !== null) set({ open: await desk.call('conversation.get', { conversationId: id }) });
    },
    loadOlder: async () => {
      const { open, loadingOlder } = get();
      if (!open || open.olderCursor === null || loadingOlder) return;
      set({ loadingOlder: true });
      try {
        const page = await desk.call('conversation.timeline', { conversationId: open.conversation.id, before: open.olderCursor });
        const cur = get().open;
        if (cur?.conversation.id !== open.conversation.id) return;
        const known = new Set(cur.timeline.map((i) => `${i.type}-${i.id}`));
        set({ open: { ...cur, timeline: [...page.items.filter((i) => !known.has(`${i.type}-${i.id}`)), ...cur.timeline], olderCursor: page.olderCursor } });
      } finally {
        set({ loadingOlder: false });
      }
    },
    send: (body, channel, media) =>
      guard(async () => {
        const id = openId();
        if (id === null) return;
        const clientKey = sendKeyFor(id, body, media?.sha256);
        await withRetry(() => desk.call('message.send', { conversationId: id, body, clientKey, ...(channel ? { channel } : {}), ...(media ? { media } : {}) }));
        sendConfirmed(id, body, media?.sha256);
      }),
    addNote: (body) =>
      guard(async () => {
        const id = openId();
        if (id !== null) await desk.call('note.add', { conversationId: id, body });
      }),
    retry: (messageId) => guard(() => desk.call('message.retry', { messageId })),
    setStatus: (status) =>
      guard(async () => {
        const id = openId();
        if (id !== null) await desk.call('conversation.setStatus', { conversationId: id, status });
      }),
    snooze: (until) =>
      guard(async () => {
        const id = openId();
        if (id !== null) await desk.call('conversation.snooze', { conversationId: id, until });
      }),
    assign: (to) =>
      guard(async () => {
        const id = openId();
        if (id !== null) await desk.call('conversation.assign', { conversationId: id, to });
      }),
    setDoNotDisturb: async (on) => set({ doNotDisturb: (await desk.call('inbox.notifications', { doNotDisturb: on })).doNotDisturb }),
  };
});

/** Search over patients and messages; a chosen message is focused in its timeline. */
interface SearchState {
  query: string;
  terms: string[];
  results: SearchResult[];
  searching: boolean;
  /** The result j/k (or Enter in the box) last opened; -1 before any. */
  cursor: number;
  setQuery(q: string): void;
  clear(): void;
  /** Opens the result at `index` (clamped); returns its conversation, or null. */
  choose(index: number): number | null;
}

let searchTimer: ReturnType<typeof setTimeout> | null = null;
let searchGeneration = 0;

export const useSearch = create<SearchState>((set, get) => ({
  query: '',
  terms: [],
  results: [],
  searching: false,
  cursor: -1,
  setQuery: (query) => {
    set({ query, cursor: -1 });
    if (searchTimer) clearTimeout(searchTimer);
    if (!query.trim()) {
      set({ terms: [], results: [], searching: false });
      return;
    }
    set({ searching: true });
    searchTimer = setTimeout(() => {
      const generation = ++searchGeneration;
      desk.call('inbox.search', { query, limit: 40 }).then(
        ({ terms, results }) => {
          if (generation === searchGeneration) set({ terms, results, searching: false });
        },
        // A newer search cancels this one on the server; only the latest answer matters.
        () => {
          if (generation === searchGeneration) set({ searching: false });
        },
      );
    }, 180);
  },
  clear: () => set({ query: '', terms: [], results: [], searching: false, cursor: -1 }),
  choose: (index) => {
    const { results } = get();
    if (results.length === 0) return null;
    const cursor = Math.min(results.length - 1, Math.max(0, index));
    const r = results[cursor]!;
    set({ cursor });
    useInbox.setState({ focusMessageId: r.kind === 'message' ? r.messageId : null });
    return r.conversationId;
  },
}));

const scheduleCounts = (): void => {
  if (countsTimer) return;
  countsTimer = setTimeout(() => {
    countsTimer = null;
    void useInbox.getState().refreshCounts();
  }, 400);
};

desk.on('conversation.updated', ({ conversation }) => {
  const { items, open, filter, me, total } = useInbox.getState();
  const listed = items.some((c) => c.id === conversation.id);
  const keep = matchesFilter(conversation, filter, me, listed);
  const rest = items.filter((c) => c.id !== conversation.id);
  let next = rest;
  if (keep) {
    const sorted = [...rest, conversation].sort(inboxOrder);
    // Beyond the pages loaded so far it will come with a later page, in its place.
    const beyond = !listed && items.length < total && sorted.indexOf(conversation) === sorted.length - 1;
    next = beyond ? rest : sorted;
  }
  useInbox.setState({
    items: next,
    total: Math.max(0, total + (keep && !listed ? 1 : 0) - (!keep && listed ? 1 : 0)),
    open: open && open.conversation.id === conversation.id ? { ...open, conversation } : open,
  });
  scheduleCounts();
});

desk.on('conversation.removed', ({ conversationId, mergedInto }) => {
  const { items, total, open } = useInbox.getState();
  if (items.some((c) => c.id === conversationId)) useInbox.setState({ items: items.filter((c) => c.id !== conversationId), total: Math.max(0, total - 1) });
  if (open?.conversation.id === conversationId && mergedInto !== null) void useInbox.getState().openConversation(mergedInto);
});

desk.on('patient.updated', ({ patientId }) => {
  const { open } = useInbox.getState();
  if (open?.patient.id === patientId) void desk.call('patient.get', { patientId }).then((patient) => {
    const cur = useInbox.getState().open;
    if (cur?.patient.id === patientId) useInbox.setState({ open: { ...cur, patient } });
  });
});

const onMessage = ({ conversationId, message }: { conversationId: number; message: TimelineMessage }): void => {
  const { open } = useInbox.getState();
  if (open && open.conversation.id === conversationId) {
    useInbox.setState({ open: { ...open, timeline: upsertItem(open.timeline, message) } });
    if (message.direction === 'in' && document.hasFocus()) void desk.call('conversation.markRead', { conversationId });
  }
};
desk.on('message.created', onMessage);
desk.on('message.updated', onMessage);
desk.on('call.created', ({ conversationId, call }) => {
  const { open } = useInbox.getState();
  if (open && conversationId === open.conversation.id) useInbox.setState({ open: { ...open, timeline: upsertItem(open.timeline, call) } });
});
desk.on('inbox.notifications.updated', ({ doNotDisturb }) => useInbox.setState({ doNotDisturb }));
desk.onConnectionRestored(() => {
  void useInbox.getState().loadList();
  void useInbox.getState().reloadOpen();
});
