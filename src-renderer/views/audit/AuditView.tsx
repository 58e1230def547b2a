import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Response } from '../../../src-main/contract';
import { desk } from '../../api/client';
import { formatDateTime } from '../../i18n/format';
import { downloadFile, errorText } from '../campaigns/download';
import '../campaigns/campaigns.css';
import { DateField } from '../../components/datetime';
import { clinicDayEnd, clinicDayStart, useClinicZone } from '../../components/datetime/clinicZone';

/** The kinds of actions an admin filters by (a prefix of the stored action name). */
const ACTIONS = ['', 'login', 'patient.merge', 'patient.export', 'patient.erase', 'patient.', 'settings.', 'campaign.', 'template.', 'sms.'] as const;
const PAGE = 100;

type Entries = Response<'audit.list'>;

/** Admins: who did what and when, with filters and CSV export. */
export function AuditView() {
  const { t } = useTranslation('audit');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const zone = useClinicZone();
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');
  const [offset, setOffset] = useState(0);
  const [data, setData] = useState<Entries | null>(null);
  const [error, setError] = useState<string | null>(null);
  const filter = useCallback(
    () => ({
      from: from ? clinicDayStart(from, zone) : null,
      to: to ? clinicDayEnd(to, zone) : null,
      action: action || null,
      actor: actor || null,
    }),
    [from, to, action, actor, zone],
  );
  useEffect(() => {
    setError(null);
    void desk
      .call('audit.list', { ...filter(), limit: PAGE, offset })
      .then(setData)
      .catch((err: unknown) => setError(errorText(t, err)));
  }, [filter, offset, t]);
  const exportCsv = async () => {
    try {
      const { fileName, csv } = await desk.call('audit.exportCsv', filter());
      downloadFile(fileName, { text: csv, mime: 'text/csv;charset=utf-8' });
    } catch (err) {
      setError(errorText(t, err));
    }
  };

  return (
    <div className="audit" data-testid="audit-view">
      <h1>{t('title')}</h1>
      <p className="section-intro">{t('intro')}</p>
      <div className="audit-filters">
        <label>
          {t('filters.from')}
          <DateField value={from} onChange={(v) => (setFrom(v), setOffset(0))} label={t('filters.from')} testId="audit-from" />
        </label>
        <label>
          {t('filters.to')}
          <DateField value={to} onChange={(v) => (setTo(v), setOffset(0))} label={t('filters.to')} testId="audit-to" />
        </label>
        <label>
          {t('filters.action')}
          <select value={action} onChange={(e) => (setAction(e.target.value), setOffset(0))} data-testid="audit-action">
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`actions.${a === '' ? 'all' : a.replace(/\.$/, '').replace('.', '_')}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filters.actor')}
          <select value={actor} onChange={(e) => (setActor(e.target.value), setOffset(0))}>
            <option value="">{t('filters.everyone')}</option>
            {(data?.actors ?? []).map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <button className="btn" onClick={() => void exportCsv()} data-testid="audit-csv">
          {t('exportCsv')}
        </button>
      </div>
      {error ? (
        <p className="form-status error" role="alert">
          {error}
        </p>
      ) : null}
      <table className="audit-table" data-testid="audit-table">
        <thead>
          <tr>
            <th>{t('columns.at')}</th>
            <th>{t('columns.actor')}</th>
            <th>{t('columns.action')}</th>
            <th>{t('columns.entity')}</th>
            <th>{t('columns.details')}</th>
          </tr>
        </thead>
        <tbody>
          {(data?.entries ?? []).map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.at)}</td>
              <td>{e.actor}</td>
              <td>{e.action}</td>
              <td>
                {e.entity}
                {e.entityId ? ` #${e.entityId}` : ''}
              </td>
              <td className="audit-details">{e.details === null ? '' : JSON.stringify(e.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="campaign-actions">
        <span className="muted">{t('count', { count: data?.total ?? 0 })}</span>
        <button className="btn small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          {t('previous')}
        </button>
        <button className="btn small" disabled={!data || offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>
          {t('next')}
        </button>
      </div>
    </div>
  );
}
