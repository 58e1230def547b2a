import { useTranslation } from 'react-i18next';
import type { DelayPreview } from '../../../src-main/contract/appointments';
import { Dialog } from '../../components/Dialog';
import { clinicTime } from './clinicTime';

/** Who gets what before anything leaves: one line per notice with its text, then who is left out and why. */
export function DelayPreviewDialog(props: { preview: DelayPreview; timeZone: string; busy: boolean; stale: boolean; onConfirm(): void; onClose(): void }) {
  const { t } = useTranslation('schedule');
  const p = props.preview;
  const { onClose } = props;
  const reasons = new Map<string, string[]>();
  for (const s of p.skipped) reasons.set(s.reason, [...(reasons.get(s.reason) ?? []), s.patientName]);

  return (
    <Dialog
      title={t('preview.title', { name: p.practitioner })}
      subtitle={p.currentDelayMinutes > 0 ? t('preview.delayNow', { minutes: p.currentDelayMinutes }) : t('preview.onTimeNow')}
      onClose={onClose}
      testId="delay-preview-dialog"
      size="wide"
      footer={
        <>
          <button className="secondary" onClick={onClose}>
            {t('preview.cancel')}
          </button>
          <button className="primary" onClick={props.onConfirm} disabled={props.busy || p.notices.length === 0} data-testid="preview-confirm">
            {t('preview.send', { count: p.notices.length })}
          </button>
        </>
      }
    >
      {props.stale ? (
        <div className="preview-stale" role="alert" data-testid="preview-stale">
          {t('preview.stale')}
        </div>
      ) : null}
      {p.notices.length === 0 ? (
        <p className="preview-empty" data-testid="preview-empty">
          {t('preview.nobody')}
        </p>
      ) : (
        <ul className="preview-list" data-testid="preview-list">
          {p.notices.map((n) => (
            <li key={n.appointmentId} data-testid="preview-notice" data-language={n.language}>
              <div className="preview-line">
                <strong>{n.patientName}</strong>
                <span className="lang-tag">{n.language.toUpperCase()}</span>
                <span className={`channel-tag ${n.channel}`}>{n.channel === 'sms' ? 'SMS' : 'WhatsApp'}</span>
                <span className="preview-times">
                  {clinicTime(n.startsAt, props.timeZone)} → <b>{clinicTime(n.eta, props.timeZone)}</b>
                </span>
                {n.kind === 'on_time' ? <span className="on-time-tag">{t('preview.onTimeAgain')}</span> : null}
              </div>
              <div className="preview-text">{n.text}</div>
            </li>
          ))}
        </ul>
      )}
      {reasons.size > 0 ? (
        <details className="preview-skipped">
          <summary>{t('preview.skippedTitle', { count: p.skipped.length })}</summary>
          <ul>
            {[...reasons].map(([reason, names]) => (
              <li key={reason}>
                <b>{t(`skip.${reason}`)}</b>: {names.filter(Boolean).join(', ')}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </Dialog>
  );
}
