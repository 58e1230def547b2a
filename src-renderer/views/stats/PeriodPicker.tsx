import { useTranslation } from 'react-i18next';
import type { StatsPeriodKind } from '../../../src-main/contract/stats';
import { Icon } from '../../components/Icon';
import { formatDay } from './statsFormat';
import { useStats } from './statsStore';
import { DateField } from '../../components/datetime';

const KINDS: StatsPeriodKind[] = ['day', 'week', 'month', 'range'];

/** Day / week / month / range, the period shown and the one it is compared with; arrows step one period. */
export function PeriodPicker() {
  const { t } = useTranslation('stats');
  const { kind, result, setKind, setDate, setRange, shift } = useStats();
  const p = result?.current.period;
  const prev = result?.previous?.period;
  const label = (from: string, to: string) => (from === to ? formatDay(from) : `${formatDay(from)} – ${formatDay(to)}`);
  return (
    <div className="stats-period">
      <div className="segmented" role="tablist" aria-label={t('period.kind')}>
        {KINDS.map((k) => (
          <button key={k} role="tab" aria-selected={kind === k} className={kind === k ? 'on' : ''} onClick={() => setKind(k)} data-testid={`period-${k}`}>
            {t(`period.${k}`)}
          </button>
        ))}
      </div>
      <button className="btn icon" onClick={() => shift(-1)} aria-label={t('period.earlier')} data-testid="period-earlier">
        ‹
      </button>
      {kind === 'range' && p ? (
        <span className="range-inputs">
          <DateField value={p.from} max={p.to} onChange={(v) => v && setRange(v, p.to)} label={t('period.from')} testId="range-from" />
          <DateField value={p.to} min={p.from} onChange={(v) => v && setRange(p.from, v)} label={t('period.to')} testId="range-to" />
        </span>
      ) : (
        <DateField value={p?.from ?? ''} onChange={(v) => v && setDate(v)} label={t('period.date')} testId="period-date" />
      )}
      <button className="btn icon" onClick={() => shift(1)} aria-label={t('period.later')} data-testid="period-later">
        ›
      </button>
      <span className="period-label">
        <Icon name="calendar" size={15} />
        <strong data-testid="period-label">{p ? label(p.from, p.to) : ''}</strong>
        {prev ? <span className="muted"> · {t('period.comparedWith', { period: label(prev.from, prev.to) })}</span> : null}
      </span>
    </div>
  );
}
