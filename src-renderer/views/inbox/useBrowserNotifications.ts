import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { desk } from '../../api/client';
import { useRouter } from '../../app/router';
import { useInbox } from '../../stores/inboxStore';

/**
 * Host mode (a browser on the LAN): the Notification API for a new patient message or a missed
 * call while this tab is not in front. Electron notifies natively from the main process instead
 * (src-main/electron/notifications.ts), so nothing is shown twice.
 */
export function useBrowserNotifications(): void {
  const { t } = useTranslation('inbox');
  const navigate = useRouter((s) => s.navigate);
  useEffect(() => {
    if (window.desk || !('Notification' in window)) return;
    // Browsers only ask on a user gesture: the first click at the desk asks once.
    const ask = (): void => {
      if (Notification.permission === 'default') void Notification.requestPermission();
    };
    window.addEventListener('pointerdown', ask, { once: true });
    const show = (conversationId: number, body: string): void => {
      if (document.visibilityState === 'visible' && document.hasFocus()) return;
      if (useInbox.getState().doNotDisturb || Notification.permission !== 'granted') return;
      const notify = (title: string): void => {
        const n = new Notification(title, { body: body.slice(0, 180), tag: `conversation-${conversationId}` });
        n.onclick = () => {
          window.focus();
          navigate(`/inbox/${conversationId}`);
          n.close();
        };
      };
      // The list holds one page of conversations: a patient further down is asked for by id.
      const known = useInbox.getState().items.find((c) => c.id === conversationId);
      if (known) return notify(known.patientName);
      desk
        .call('conversation.get', { conversationId })
        .then(({ conversation }) => notify(conversation.patientName))
        .catch(() => notify(t('notify.newMessage')));
    };
    const offMessage = desk.on('message.created', ({ conversationId, message }) => {
      if (message.direction === 'in' && (message.channel === 'whatsapp' || message.channel === 'sms')) show(conversationId, message.body || t('notify.attachment'));
    });
    const offCall = desk.on('call.created', ({ conversationId, call }) => {
      if (conversationId && call.direction === 'in' && call.result !== 'answered') show(conversationId, t('notify.missedCall'));
    });
    return () => {
      window.removeEventListener('pointerdown', ask);
      offMessage();
      offCall();
    };
  }, [navigate, t]);
}
