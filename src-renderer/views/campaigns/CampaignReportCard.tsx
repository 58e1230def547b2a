import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignReport } from '../../../src-main/contract/campaigns';
import { desk } from '../../api/client';
import { errorText } from './download';
import { useCampaigns } from './campaignsStore';

/** One campaign: progress, pause / resume / cancel, and the report (sent, delivered, read, failed, replied, opted out, refused). */
export function CampaignReportCard({ report }: { report: CampaignReport }) {
  const { t } = useTranslation('campaigns');
  const upsert = useCampaigns((s) => s.upsert);
  const [error, setError] = useState<string | null>(null);
  const act = async (method: 'campaigns.start' | 'campaigns.pause' | 'campaigns.resume' | 'campaigns.cancel') => {
    setError(null);
    try {
      upsert(await desk.call(method, { id: report.id }));
    } catch (err) {
      setError(errorText(t, err));
    }
  };
  const done = report.recipients - report.pending;
  const pct = report.recipients === 0 ? 0 : Math.round((done / report.recipients) * 100);
  const rows: [string, number][] = [
    ['sent', report.sent],
    ['delivered', report.delivered],
    ['read', report.read],
    ['failed', report.failed],
    ['replied', report.replied],
    ['optedOut', report.optedOut],
    ['refused', report.refused],
    ['queued', report.queued],
    ['pending', report.pending],
    ['cancelled', report.cancelled],
  ];
  return (
    <div className="card campaign-report" data-testid="campaign-report">
      <h3>
        {report.name} <span className={`campaign-status status-${report.status}`}>{t(`status.${report.status}`)}</span>
      </h3>
      <div className="campaign-progress" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100} aria-label={t('report.progress')}>
        <span style={{ width: `${pct}%` }} />
      </div>
      <p className="muted">{t('report.progressText', { done, total: report.recipients, perMinute: report.perMinute })}</p>
      <div className="campaign-actions">
        {report.status === 'draft' || report.status === 'scheduled' ? (
          <button className="btn primary" onClick={() => void act('campaigns.start')} data-testid="campaign-start">
            {t('actions.start')}
          </button>
        ) : null}
        {report.status === 'running' ? (
          <button className="btn" onClick={() => void act('campaigns.pause')} data-testid="campaign-pause">
            {t('actions.pause')}
          </button>
        ) : null}
        {report.status === 'paused' ? (
          <button className="btn primary" onClick={() => void act('campaigns.resume')} data-testid="campaign-resume">
            {t('actions.resume')}
          </button>
        ) : null}
        {report.status !== 'done' && report.status !== 'cancelled' ? (
          <button className="btn danger" onClick={() => void act('campaigns.cancel')} data-testid="campaign-cancel">
            {t('actions.cancel')}
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="form-status error" role="alert">
          {error}
        </p>
      ) : null}
      <table className="campaign-figures" data-testid="campaign-figures">
        <tbody>
          {rows.map(([key, n]) => (
            <tr key={key}>
              <th scope="row">{t(`report.${key}`)}</th>
              <td>{n}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.refusals.length ? (
        <>
          <h4>{t('report.refusals')}</h4>
          <ul className="campaign-reasons">
            {report.refusals.map((r) => (
              <li key={r.reason}>
                {t(`refusal.${r.reason}`)}: {r.count}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {report.failures.length ? (
        <>
          <h4>{t('report.failures')}</h4>
          <ul className="campaign-reasons">
            {report.failures.map((r) => (
              <li key={r.reason}>
                {r.reason}: {r.count}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
