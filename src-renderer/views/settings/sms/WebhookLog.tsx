import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Response } from '../../../../src-main/contract';
import { desk } from '../../../api/client';
import { formatDateTime } from '../../../i18n/format';

type Entry = Response<'sms.webhookLog'>['entries'][number];

/** The last calls providers made to the desk, refused ones with their reason: what IT looks at when reports do not arrive. */
export function WebhookLog() {
  const { t } = useTranslation('sms');
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const refresh = (): void => {
    void desk.call('sms.webhookLog', { limit: 10 }).then((r) => setEntries(r.entries), () => setEntries([]));
  };
  useEffect(refresh, []);
  return (
    <div className="card">
      <div className="card-head">
        <h3>{t('log.title')}</h3>
        <button className="btn" onClick={refresh}>
          {t('log.refresh')}
        </button>
      </div>
      {entries && entries.length === 0 ? <p className="muted">{t('log.empty')}</p> : null}
      {entries && entries.length > 0 ? (
        <table className="sms-log" data-testid="sms-webhook-log">
          <thead>
            <tr>
              <th>{t('log.when')}</th>
              <th>{t('log.provider')}</th>
              <th>{t('log.result')}</th>
              <th>{t('log.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e, i) => (
              <tr key={i} className={e.outcome}>
                <td>{formatDateTime(e.at)}</td>
                <td>{t(`provider.${e.provider}.name`, { defaultValue: e.provider })}</td>
                <td>
                  <span className={`sms-pill ${e.outcome}`}>{e.httpStatus}</span> {t(`log.outcome.${e.outcome}`)}
                </td>
                <td>{e.reason ?? t('log.counts', { inbound: e.inbound, statuses: e.statuses, applied: e.applied })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
