import notifier from 'node-notifier';
import type { EventBus } from '../domain/shared/eventBus';
import type { Db } from '../db/database';
import { getConversationListRow } from '../db/repositories/conversations';
import { toSummary } from '../domain/messaging/timeline';

/**
 * A desktop notification for a new patient message or a missed call while the window is not focused.
 * Clicking it brings the window forward on that conversation.
 */
export function startDesktopNotifications(o: {
  db: Db;
  events: EventBus;
  windowFocused: () => boolean;
  doNotDisturb: () => boolean;
  open: (conversationId: number) => void;
  missedCallText: () => string;
  iconPath?: string;
}): () => void {
  const notify = (conversationId: number, message: string): void => {
    if (o.windowFocused() || o.doNotDisturb()) return;
    const row = getConversationListRow(o.db, conversationId);
    if (!row) return;
    notifier.notify(
      { title: toSummary(row).patientName, message: message.slice(0, 180), appID: 'com.clinicdesk.app', wait: true, ...(o.iconPath ? { icon: o.iconPath } : {}) },
      (_err, response) => {
        if (response === 'activate' || response === 'clicked') o.open(conversationId);
      },
    );
    notifier.once('click', () => o.open(conversationId));
  };
  const offMessage = o.events.on('message.created', ({ conversationId, message }) => {
    if (message.direction === 'in') notify(conversationId, message.body);
  });
  const offCall = o.events.on('call.created', ({ conversationId, call }) => {
    if (conversationId && call.direction === 'in' && call.result !== 'answered') notify(conversationId, o.missedCallText());
  });
  return () => {
    offMessage();
    offCall();
  };
}
