import { useTranslation } from 'react-i18next';
import type { StatsReport } from '../../../src-main/contract/stats';
import { Defined, formatFigure } from './FigureTable';
import { openChannel } from './figures';
import { change, formatCount, formatMinutes, formatShare } from './statsFormat';

const CONTACT_COLUMNS = ['newConversations', 'messagesIn', 'messagesOut', 'callsIn', 'callsOut'] as const;

/** Per channel: how patients reach the clinic. A channel's name opens its conversations (or the call log). */
export function ContactsTable({ current, previous }: { current: StatsReport; previous: StatsReport | null }) {
  const { t } = useTranslation('stats');
  return (
    <table className="stats-table contacts">
      <thead>
        <tr>
          <th>{t('col.channel')}</th>
          {CONTACT_COLUMNS.map((c) => (
            <th key={c} className="num">
              <Defined k={c}>{t(`col.${c}`)}</Defined>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {current.contacts.map((row) => {
          const before = previous?.contacts.find((p) => p.channel === row.channel);
          return (
            <tr key={row.channel} data-testid={`contacts-${row.channel}`}>
              <th scope="row">
                <button className="link" onClick={() => openChannel(row.channel)(current.period)} title={t('openList')}>
                  {t(`channel.${row.channel}`)}
                </button>
              </th>
              {CONTACT_COLUMNS.map((c) => {
                const d = before ? change(row[c], before[c]) : null;
                return (
                  <td key={c} className="num">
                    {formatCount(row[c])}
                    {c === 'messagesOut' && row.messagesOutAutomatic > 0 ? <small className="muted"> ({t('automaticShort', { count: row.messagesOutAutomatic })})</small> : null}
                    {d ? <small className={`delta ${d.direction}`}> {d.text}</small> : null}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function RepliesTable({ report }: { report: StatsReport }) {
  const { t } = useTranslation('stats');
  if (report.responsiveness.repliesByAuthor.length === 0) return <p className="muted">{t('noReplies')}</p>;
  return (
    <table className="stats-table compact">
      <thead>
        <tr>
          <th>{t('col.author')}</th>
          <th className="num">
            <Defined k="replies">{t('col.replies')}</Defined>
          </th>
        </tr>
      </thead>
      <tbody>
        {report.responsiveness.repliesByAuthor.map((a) => (
          <tr key={a.author}>
            <th scope="row">{a.author === 'phone' ? t('phoneAuthor') : a.author}</th>
            <td className="num">{formatCount(a.replies)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DelaysTable({ report }: { report: StatsReport }) {
  const { t } = useTranslation('stats');
  if (report.visits.practitioners.length === 0) return <p className="muted">{t('noVisits')}</p>;
  return (
    <table className="stats-table">
      <thead>
        <tr>
          <th>{t('col.practitioner')}</th>
          <th className="num">{t('col.visits')}</th>
          <th className="num">
            <Defined k="avgDelay">{t('col.avgDelayMin')}</Defined>
          </th>
          <th className="num">
            <Defined k="worstDelay">{t('col.worstDelayMin')}</Defined>
          </th>
          <th className="num">
            <Defined k="lateShare">{t('col.latePercent')}</Defined>
          </th>
        </tr>
      </thead>
      <tbody>
        {report.visits.practitioners.map((p) => (
          <tr key={p.practitionerId} data-testid={`delay-${p.practitionerId}`}>
            <th scope="row">{p.name}</th>
            <td className="num">{formatCount(p.visits)}</td>
            <td className="num">{formatMinutes(p.avgDelayMinutes)}</td>
            <td className="num">{formatMinutes(p.worstDelayMinutes)}</td>
            <td className="num">{formatShare(p.lateShare)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Reminders and feedback: shown only when the clinic's database has them. */
export function OptionalFigures({ report }: { report: StatsReport }) {
  const { t } = useTranslation('stats');
  if (report.optional.length === 0) return null;
  return (
    <table className="stats-table compact" data-testid="stats-optional">
      <tbody>
        {report.optional.map((o) => (
          <tr key={`${o.group}.${o.key}`}>
            <th scope="row">
              <Defined k={`optional.${o.key}`}>{t(`optional.${o.key}`)}</Defined>
            </th>
            <td className="num">{formatFigure(o.unit === 'share' ? 'share' : 'count', o.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SmsTable({ report }: { report: StatsReport }) {
  const { t } = useTranslation('stats');
  if (report.sms.length === 0) return <p className="muted">{t('noSms')}</p>;
  return (
    <table className="stats-table compact">
      <thead>
        <tr>
          <th>{t('col.provider')}</th>
          <th className="num">{t('col.messages')}</th>
          <th className="num">
            <Defined k="segments">{t('col.segments')}</Defined>
          </th>
        </tr>
      </thead>
      <tbody>
        {report.sms.map((s) => (
          <tr key={s.provider}>
            <th scope="row">{t(`provider.${s.provider}`, { defaultValue: s.provider })}</th>
            <td className="num">{formatCount(s.messages)}</td>
            <td className="num">{formatCount(s.segments)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
