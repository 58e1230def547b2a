import { create } from 'zustand';
import type { ConversationSummary, PatientCard, TimelineItem, TimelineMessage } from '../../src-main/contract/inbox';
import { desk } from '../api/client';

interface OpenConversation {
  conversation: ConversationSummary;
  patient: PatientCard;
  timeline: TimelineItem[];
}

interface InboxState {
  items: ConversationSummary[];
  total: number;
  loading: boolean;
  open: OpenConversation | null;
  error: string | null;
  loadList(): Promise<void>;
  openConversation(id: number): Promise<void>;
  send(body: string, channel?: 'whatsapp' | 'sms'): Promise<void>;
  retry(messageId: number): Promise<void>;
}

/** Keeps the list in inbox order: waiting oldest first, then most recent activity (same rule as the server). */
export function inboxOrder(a: ConversationSummary, b: ConversationSummary): number {
  if ((a.waitingSince === null) !== (b.waitingSince === null)) return a.waitingSince === null ? 1 : -1;
  if (a.waitingSince !== null && b.waitingSince !== null && a.waitingSince !== b.waitingSince) return a.waitingSince - b.waitingSince;
  return (b.lastMessageAt ?? 0) - (a.lastMessageAt ?? 0) || a.id - b.id;
}

function upsertMessage(timeline: TimelineItem[], m: TimelineMessage): TimelineItem[] {
  const i = timeline.findIndex((x) => x.type === 'message' && x.id === m.id);
  if (i >= 0) return timeline.map((x, j) => (j === i ? m : x));
  return [...timeline, m].sort((a, b) => a.at - b.at);
}

export const useInbox = create<InboxState>((set, get) => ({
  items: [],
  total: 0,
  loading: false,
  open: null,
  error: null,
  loadList: async () => {
    set({ loading: true });
    const { items, total } = await desk.call('inbox.list', { status: 'active', limit: 500 });
    set({ items, total, loading: false });
  },
  openConversation: async (id) => {
    const data = await desk.call('conversation.get', { conversationId: id });
    set({ open: data, error: null });
    if (data.conversation.unreadCount > 0) await desk.call('conversation.markRead', { conversationId: id });
  },
  send: async (body, channel) => {
    const open = get().open;
    if (!open) return;
    set({ error: null });
    try {
      await desk.call('message.send', { conversationId: open.conversation.id, body, ...(channel ? { channel } : {}) });
    } catch (err) {
      set({ error: (err as Error).message });
      throw err;
    }
  },
  retry: async (messageId) => {
    await desk.call('message.retry', { messageId });
  },
}));

desk.on('conversation.updated', ({ conversation }) => {
  const { items, open } = useInbox.getState();
  const active = conversation.status === 'open' || conversation.status === 'waiting';
  const rest = items.filter((c) => c.id !== conversation.id);
  useInbox.setState({
    items: active ? [...rest, conversation].sort(inboxOrder) : rest,
    open: open && open.conversation.id === conversation.id ? { ...open, conversation } : open,
  });
});

const onMessage = ({ conversationId, message }: { conversationId: number; message: TimelineMessage }): void => {
  const { open } = useInbox.getState();
  if (open && open.conversation.id === conversationId) {
    useInbox.setState({ open: { ...open, timeline: upsertMessage(open.timeline, message) } });
    if (message.direction === 'in' && document.hasFocus()) void desk.call('conversation.markRead', { conversationId });
  }
};
desk.on('message.created', onMessage);
desk.on('message.updated', onMessage);
desk.on('call.created', ({ conversationId, call }) => {
  const { open } = useInbox.getState();
  if (open && conversationId === open.conversation.id) {
    useInbox.setState({ open: { ...open, timeline: [...open.timeline, call].sort((a, b) => a.at - b.at) } });
  }
});
desk.onConnectionRestored(() => {
  void useInbox.getState().loadList();
  const open = useInbox.getState().open;
  if (open) void useInbox.getState().openConversation(open.conversation.id);
});
