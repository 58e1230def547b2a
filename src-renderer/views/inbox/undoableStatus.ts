import i18next from 'i18next';
import type { ConversationSummary } from '../../../src-main/contract/inbox';
import { desk } from '../../api/client';
import { formatDateTime } from '../../i18n/format';
import { useInbox } from '../../stores/inboxStore';
import { useToast } from '../../stores/toastStore';

/** Puts a conversation back to the status it had (a snooze keeps its time if still ahead). */
async function restore(c: Pick<ConversationSummary, 'id' | 'status' | 'snoozedUntil'>): Promise<void> {
  if (c.status === 'snoozed' && c.snoozedUntil !== null && c.snoozedUntil > Date.now()) {
    await desk.call('conversation.snooze', { conversationId: c.id, until: c.snoozedUntil });
  } else {
    await desk.call('conversation.setStatus', { conversationId: c.id, status: c.status === 'snoozed' ? 'open' : c.status });
  }
}

/**
 * Done (`e`) and snooze act at once and offer Undo for a few seconds: a wrong key costs nothing, and
 * the receptionist is never asked "are you sure?" for something reversible.
 */
export async function markDoneWithUndo(): Promise<void> {
  const before = useInbox.getState().open?.conversation;
  if (!before) return;
  await useInbox.getState().setStatus('done');
  useToast.getState().show(i18next.t('desk:undo.done', { name: before.patientName }), () => restore(before));
}

export async function snoozeWithUndo(until: number): Promise<void> {
  const before = useInbox.getState().open?.conversation;
  if (!before) return;
  await useInbox.getState().snooze(until);
  useToast.getState().show(i18next.t('desk:undo.snoozed', { name: before.patientName, time: formatDateTime(until) }), () => restore(before));
}
