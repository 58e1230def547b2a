import notifier from 'node-notifier';
import type { TimelineCall, TimelineMessage } from '../contract/inbox';
import type { Db } from '../db/database';
import { getConversationListRow } from '../db/repositories/conversations';
import { toSummary } from '../domain/messaging/timeline';
import type { EventBus } from '../domain/shared/eventBus';

/** What one desktop notification says; `conversationId` is opened when it is clicked. */
export interface DeskNotification {
  conversationId: number;
  title: string;
  message: string;
}

export type ShowNotification = (n: DeskNotification, onClick: () => void) => void;

/** Messages recovered from a backlog (WhatsApp after a night offline) are not news: no pop-up for them. */
const FRESH_MS = 10 * 60_000;

/** Which events deserve a pop-up: a patient's new message or an unanswered incoming call. Pure, for tests. */
export function notificationText(
  e: { kind: 'message'; message: TimelineMessage } | { kind: 'call'; call: TimelineCall },
  now: number,
  texts: { missedCall: string; attachment: string },
): string | null {
  if (e.kind === 'call') {
    const c = e.call;
    return c.direction === 'in' && c.result !== 'answered' && now - c.at < FRESH_MS ? texts.missedCall : null;
  }
  const m = e.message;
  if (m.direction !== 'in' || (m.channel !== 'whatsapp' && m.channel !== 'sms') || now - m.at > FRESH_MS) return null;
  return (m.body.trim() || texts.attachment).slice(0, 180);
}

const nodeNotifier =
  (iconPath?: string): ShowNotification =>
  (n, onClick) => {
    // One mechanism only: the callback's response tells a click ('activate' on Windows/macOS, 'clicked' on Linux).
    notifier.notify({ title: n.title, message: n.message, appID: 'com.clinicdesk.app', wait: true, ...(iconPath ? { icon: iconPath } : {}) }, (_err, response) => {
      if (response === 'activate' || response === 'clicked') onClick();
    });
  };

/**
 * A desktop notification for a new patient message or a missed call while the window is not
 * focused and do-not-disturb is off. Clicking it brings the window forward on that conversation.
 */
export function startDesktopNotifications(o: {
  db: Db;
  events: EventBus;
  now: () => number;
  windowFocused: () => boolean;
  doNotDisturb: () => boolean;
  open: (conversationId: number) => void;
  texts: () => { missedCall: string; attachment: string };
  iconPath?: string;
  show?: ShowNotification;
}): () => void {
  const show = o.show ?? nodeNotifier(o.iconPath);
  const notify = (conversationId: number, message: string | null): void => {
    if (message === null || o.windowFocused() || o.doNotDisturb()) return;
    const row = getConversationListRow(o.db, conversationId);
    if (!row) return;
    show({ conversationId, title: toSummary(row).patientName, message }, () => o.open(conversationId));
  };
  const offMessage = o.events.on('message.created', ({ conversationId, message }) => notify(conversationId, notificationText({ kind: 'message', message }, o.now(), o.texts())));
  const offCall = o.events.on('call.created', ({ conversationId, call }) => {
    if (conversationId) notify(conversationId, notificationText({ kind: 'call', call }, o.now(), o.texts()));
  });
  return () => {
    offMessage();
    offCall();
  };
}
