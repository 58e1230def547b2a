import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReminderLineDto } from '../../../src-main/contract/visitLoop';
import { ApiError, desk } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { clinicTime } from './clinicTime';

/** Tomorrow's reminder queue (or any day's): one line per patient with its state, and "send the rest now". */
export function RemindersDialog(props: { day: string; timeZone: string; onClose(): void }) {
  const { t } = useTranslation('reminders');
  const [lines, setLines] = useState<ReminderLineDto[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setLines((await desk.call('reminders.day', { day: props.day })).lines);
    } catch (e) {
      setNote(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    }
  }, [props.day]);
  useEffect(() => void load(), [load]);
  const pending = (lines ?? []).filter((l) => l.state === 'queued').length;
  return (
    <Dialog
      title={t('title', { day: props.day })}
      onClose={props.onClose}
      testId="reminders-dialog"
      size="wide"
      subtitle={note}
      footer={
        <button
          disabled={pending === 0}
          data-testid="reminders-send-rest"
          onClick={() =>
            void desk.call('reminders.sendRest', { day: props.day }).then(({ queued }) => {
              setNote(t('sent', { count: queued }));
              return load();
            })
          }
        >
          {t('sendRest')}
        </button>
      }
    >
      {lines && lines.length === 0 ? <p className="muted">{t('empty')}</p> : null}
      {lines && lines.length > 0 ? (
        <table className="reminders-table" data-testid="reminders-table">
          <thead>
            <tr>
              {(['patient', 'visits', 'channel', 'language', 'sendAt', 'state', 'text'] as const).map((c) => (
                <th key={c}>{t(`col.${c}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.idempotencyKey} data-testid={`reminder-${l.patientId}`} data-state={l.state}>
                <td>{l.patientName}</td>
                <td>{l.appointmentIds.length}</td>
                <td title={l.fallbackWhy ? t('fallback', { why: l.fallbackWhy }) : undefined}>
                  {l.channel === 'sms' ? 'SMS' : l.channel === 'whatsapp' ? 'WhatsApp' : '—'}
                  {l.fallbackWhy ? ' *' : ''}
                </td>
                <td>{l.language?.toUpperCase() ?? '—'}</td>
                <td>{clinicTime(l.sendAt, props.timeZone)}</td>
                <td>
                  <span className={`reminder-state ${l.state}`}>{t(`state.${l.state}`)}</span>
                </td>
                <td className="reminder-text">{l.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Dialog>
  );
}
