import { useTranslation } from 'react-i18next';
import type { WhatsAppStatus } from '../../../../src-main/contract/whatsapp';
import { formatDateTime } from '../../../i18n/format';

/** What IT and the receptionist check when WhatsApp "seems quiet": traffic, queue, the phone's last sign of life, errors. */
export function HealthPanel({ status }: { status: WhatsAppStatus }) {
  const { t } = useTranslation('whatsapp');
  const when = (ms: number | null): string => (ms ? formatDateTime(ms) : t('health.never'));
  return (
    <div className="card" data-testid="whatsapp-health">
      <h3>{t('health.title')}</h3>
      {status.phone.warn ? (
        <div className="wa-alert warn" role="alert" data-testid="whatsapp-phone-warning">
          <strong>{t('health.phoneWarnTitle', { days: status.phone.silentDays ?? 0 })}</strong>
          <span>{t('health.phoneWarnBody', { date: status.phone.logoutAt ? formatDateTime(status.phone.logoutAt) : '' })}</span>
        </div>
      ) : null}
      <div className="wa-stats">
        <div>
          <span>{t('health.lastIn')}</span>
          <strong>{when(status.lastInboundAt)}</strong>
        </div>
        <div>
          <span>{t('health.lastOut')}</span>
          <strong>{when(status.lastOutboundAt)}</strong>
        </div>
        <div>
          <span>{t('health.phoneSeen')}</span>
          <strong>{when(status.phoneSeenAt)}</strong>
        </div>
        <div>
          <span>{t('health.queued')}</span>
          <strong data-testid="whatsapp-queued">{status.queued}</strong>
          {status.parked > 0 ? <small className="bad">{t('health.parked', { n: status.parked })}</small> : null}
        </div>
      </div>
      {status.state === 'reconnecting' && status.nextRetryAt ? (
        <p className="muted">{t('health.retry', { attempt: status.attempt, time: formatDateTime(status.nextRetryAt) })}</p>
      ) : null}
      <h4>{t('health.errors')}</h4>
      {status.recentErrors.length === 0 ? (
        <p className="muted">{t('health.noErrors')}</p>
      ) : (
        <ul className="wa-errors" data-testid="whatsapp-errors">
          {status.recentErrors.map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <time>{formatDateTime(e.at)}</time>
              <span>{e.message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
