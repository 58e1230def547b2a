import { useState } from 'react';
import { useTranslation } from 'react-i18next';
type Channel = 'whatsapp' | 'sms';
import { ApiError, desk } from '../../api/client';
import { useApp } from '../../stores/appStore';
import { useInbox } from '../../stores/inboxStore';
import { clinicInstant } from '../schedule/NewVisitDialog';
import { DateField, TimeField } from '../../components/datetime';
import { serverNow } from '../../api/serverClock';
import { locale } from '../../i18n/format';
import { addDays, localParts } from '../../../src-main/domain/hours/zonedTime';

/** "Send later" beside the composer's Send: the time is the clinic's, whatever the PC's own zone. */
export function SendLater(props: { text: string; channel: Channel; onScheduled(): void }) {
  const { t } = useTranslation('reminders');
  const timeZone = useApp((s) => s.info?.settings.timeZone) ?? 'Europe/Rome';
  const conversationId = useInbox((s) => s.open?.conversation.id ?? null);
  const [open, setOpen] = useState(false);
  // Tomorrow on the clinic's calendar, not the PC's.
  const [day, setDay] = useState(() => addDays(localParts(serverNow(), timeZone).date, 1));
  const [time, setTime] = useState('09:00');
  const [error, setError] = useState<string | null>(null);
  if (conversationId === null) return null;
  const schedule = async (): Promise<void> => {
    try {
      await desk.call('message.schedule', { conversationId, channel: props.channel, body: props.text, sendAt: clinicInstant(day, time, timeZone) });
      setOpen(false);
      setError(null);
      props.onScheduled();
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    }
  };
  if (!open) {
    return (
      <button className="secondary send-later" disabled={props.text.trim() === ''} onClick={() => setOpen(true)} data-testid="send-later">
        {t('later.open')}
      </button>
    );
  }
  return (
    <span className="send-later-form" data-testid="send-later-form">
      <DateField value={day} onChange={setDay} label={t('later.date')} testId="send-later-date" />
      <TimeField value={time} onChange={setTime} label={t('later.time')} testId="send-later-time" />
      <button onClick={() => void schedule()} data-testid="send-later-confirm">
        {t('later.confirm')}
      </button>
      <button className="secondary" onClick={() => setOpen(false)}>
        {t('later.close')}
      </button>
      {error ? <span className="error">{error}</span> : null}
    </span>
  );
}

/** On a scheduled message in the timeline: when it goes, and Cancel until then. */
export function ScheduledMark(props: { messageId: number; status: string; meta: Record<string, unknown> | null }) {
  const { t } = useTranslation('reminders');
  const timeZone = useApp((s) => s.info?.settings.timeZone) ?? 'Europe/Rome';
  const at = props.meta?.scheduledFor;
  if (typeof at !== 'number' || props.status !== 'queued') return null;
  const when = new Intl.DateTimeFormat(locale(), { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return (
    <span className="scheduled-mark" data-testid="scheduled-mark">
      {t('later.scheduledFor', { when })}{' '}
      <button className="link-button" onClick={() => void desk.call('message.cancelScheduled', { messageId: props.messageId })} data-testid="scheduled-cancel">
        {t('later.cancel')}
      </button>
    </span>
  );
}
