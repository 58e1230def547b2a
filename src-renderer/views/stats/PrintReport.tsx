import i18next from 'i18next';
import type { StatsReport } from '../../../src-main/contract/stats';
import { useApp } from '../../stores/appStore';
import { PHONE, RESPONSIVENESS, VISITS } from './figures';
import { formatFigure } from './FigureTable';
import { formatDay } from './statsFormat';

/**
 * The one-page daily report: on screen it is hidden, in print (Ctrl+P, or "Print daily report", then "Save as PDF")
 * it is the only thing on the page. Written in the clinic's language (Settings → Clinic), whoever prints it.
 */
export function PrintReport({ report, previous }: { report: StatsReport; previous: StatsReport | null }) {
  const settings = useApp((s) => s.info?.settings);
  const lng = settings?.uiLanguage ?? i18next.language;
  const t = i18next.getFixedT(lng, 'stats');
  const p = report.period;
  const rows = [...RESPONSIVENESS.filter((f) => ['waits', 'noResponse', 'unansweredAtClosing', 'frtMedian', 'frtP90', 'frtOpenMedian'].includes(f.key)), ...PHONE.filter((f) => ['callsTotal', 'callsMissed', 'calledBack', 'neverCalledBack', 'callbackMedian'].includes(f.key)), ...VISITS];
  return (
    <article className="stats-print" lang={lng} data-testid="stats-print">
      <header>
        <h1>{t('print.title', { lng })}</h1>
        <p>
          {settings?.clinicName} · {p.from === p.to ? formatDay(p.from, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }, lng) : `${formatDay(p.from, undefined, lng)} – ${formatDay(p.to, undefined, lng)}`}
        </p>
      </header>
      <table>
        <thead>
          <tr>
            <th>{t('col.channel', { lng })}</th>
            <th>{t('col.newConversations', { lng })}</th>
            <th>{t('col.messagesIn', { lng })}</th>
            <th>{t('col.messagesOut', { lng })}</th>
            <th>{t('col.callsIn', { lng })}</th>
            <th>{t('col.callsOut', { lng })}</th>
          </tr>
        </thead>
        <tbody>
          {report.contacts.map((c) => (
            <tr key={c.channel}>
              <th>{t(`channel.${c.channel}`, { lng })}</th>
              <td>{c.newConversations}</td>
              <td>{c.messagesIn}</td>
              <td>{c.messagesOut}</td>
              <td>{c.callsIn}</td>
              <td>{c.callsOut}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <thead>
          <tr>
            <th>{t('col.figure', { lng })}</th>
            <th>{t('period.current', { lng })}</th>
            {previous ? <th>{t('period.previous', { lng })}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={f.key}>
              <th>{t(`fig.${f.key}`, { lng })}</th>
              <td>{formatFigure(f.kind, f.value(report), lng)}</td>
              {previous ? <td>{formatFigure(f.kind, f.value(previous), lng)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      {report.visits.practitioners.length ? (
        <table>
          <thead>
            <tr>
              <th>{t('col.practitioner', { lng })}</th>
              <th>{t('col.visits', { lng })}</th>
              <th>{t('col.avgDelayMin', { lng })}</th>
              <th>{t('col.worstDelayMin', { lng })}</th>
              <th>{t('col.latePercent', { lng })}</th>
            </tr>
          </thead>
          <tbody>
            {report.visits.practitioners.map((v) => (
              <tr key={v.practitionerId}>
                <th>{v.name}</th>
                <td>{v.visits}</td>
                <td>{v.avgDelayMinutes ?? '—'}</td>
                <td>{v.worstDelayMinutes ?? '—'}</td>
                <td>{v.lateShare === null ? '—' : `${Math.round(v.lateShare * 100)}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <footer>{t('print.footer', { lng, zone: p.timeZone })}</footer>
    </article>
  );
}
