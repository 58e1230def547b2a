import { useTranslation } from 'react-i18next';
import type { StatsReport } from '../../../src-main/contract/stats';
import type { FigureDef, FigureKind } from './figures';
import { change, formatCount, formatDuration, formatMinutes, formatShare } from './statsFormat';

export function formatFigure(kind: FigureKind, v: number | null, lng?: string): string {
  if (kind === 'duration') return formatDuration(v, lng);
  if (kind === 'share') return formatShare(v, lng);
  if (kind === 'minutes') return formatMinutes(v, lng);
  return formatCount(v, lng);
}

/** A figure's name with its definition one hover (or focus) away. */
export function Defined({ k, children }: { k: string; children?: React.ReactNode }) {
  const { t } = useTranslation('stats');
  return (
    <span className="defined" tabIndex={0} title={t(`def.${k}`)} data-testid={`def-${k}`}>
      {children ?? t(`fig.${k}`)}
      <span className="definition" role="tooltip">
        {t(`def.${k}`)}
      </span>
    </span>
  );
}

/** Figure | this period | the period before | change; a figure with a list behind it opens that list. */
export function FigureTable({ figures, current, previous }: { figures: FigureDef[]; current: StatsReport; previous: StatsReport | null }) {
  const { t } = useTranslation('stats');
  return (
    <table className="stats-table figures">
      <thead>
        <tr>
          <th>{t('col.figure')}</th>
          <th className="num">{t('period.current')}</th>
          {previous ? <th className="num">{t('period.previous')}</th> : null}
          {previous ? <th className="num">{t('period.change')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {figures.map((f) => {
          const now = f.value(current);
          const before = previous ? f.value(previous) : null;
          const delta = previous ? change(now, before) : null;
          return (
            <tr key={f.key} data-testid={`fig-${f.key}`}>
              <th scope="row">
                <Defined k={f.key} />
              </th>
              <td className="num">
                {f.open ? (
                  <button className="link" onClick={() => f.open!(current.period)} title={t('openList')}>
                    {formatFigure(f.kind, now)}
                  </button>
                ) : (
                  formatFigure(f.kind, now)
                )}
              </td>
              {previous ? <td className="num muted">{formatFigure(f.kind, before)}</td> : null}
              {previous ? <td className={`num delta ${delta?.direction ?? ''}`}>{delta?.text ?? ''}</td> : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
