import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallDto } from '../../../src-main/contract/calls';
import { Icon } from '../../components/Icon';
import { PeriodChip } from '../../components/PeriodChip';
import { useRouter } from '../../app/router';
import { formatDateTime } from '../../i18n/format';
import { desk } from '../../api/client';
import { useApp } from '../../stores/appStore';
import { CallImportPanel } from './CallImportPanel';
import { useCalls, type ResultFilter } from './callsStore';
import { QuickCallForm } from './QuickCallForm';
import { formatDuration, formatNumber } from './callFormat';
import './calls.css';

const FILTERS: ResultFilter[] = ['all', 'unanswered', 'answered', 'outgoing'];

/** The call log: today's figures, a quick manual entry, PBX imports and every call, newest first. */
export function CallsView() {
  const { t } = useTranslation('calls');
  const { calls, total, counts, filter, number, period, load, setFilter, setNumber, setPeriod } = useCalls();
  const [importing, setImporting] = useState(false);
  const demo = useApp((s) => s.info?.demo ?? false);
  const [focusKey, setFocusKey] = useState(0);

  useEffect(() => {
    void load();
  }, [load]);
  // "N" anywhere on the page (outside a field) jumps to a new call entry.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.key.toLowerCase() !== 'n' || e.ctrlKey || e.metaKey || e.altKey || /INPUT|TEXTAREA|SELECT/.test(target.tagName)) return;
      e.preventDefault();
      setFocusKey((k) => k + 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="calls-view">
      <header className="calls-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('subtitle')}</p>
        </div>
        {counts ? (
          <dl className="call-counts" data-testid="call-counts" aria-label={t('today')}>
            {(['answered', 'missed', 'abandoned', 'voicemail', 'busy', 'outgoing'] as const).map((k) => (
              <div key={k} className={`count ${k}`}>
                <dt>{t(k === 'outgoing' ? 'counts.outgoing' : `result.${k}`)}</dt>
                <dd>{counts[k]}</dd>
              </div>
            ))}
          </dl>
        ) : null}
      </header>
      <QuickCallForm focusKey={focusKey} />
      <div className="calls-toolbar">
        <div className="segmented" role="tablist">
          {FILTERS.map((f) => (
            <button key={f} role="tab" aria-selected={filter === f} className={filter === f ? 'on' : ''} onClick={() => setFilter(f)} data-testid={`calls-filter-${f}`}>
              {t(`filter.${f}`)}
            </button>
          ))}
        </div>
        <label className="calls-search">
          <Icon name="search" size={15} />
          <span className="sr-only">{t('search')}</span>
          <input value={number} onChange={(e) => setNumber(e.target.value)} placeholder={t('search')} inputMode="tel" />
        </label>
        {period ? <PeriodChip period={period} onClear={() => setPeriod(null)} testId="calls-period" /> : null}
        <span className="muted">{t('shown', { count: calls.length, total })}</span>
        {demo ? (
          <button className="btn" onClick={() => void desk.call('calls.demoRing', {})} data-testid="calls-demo-ring" title={t('demoRingHint')}>
            {t('demoRing')}
          </button>
        ) : null}
        <button className="btn" onClick={() => setImporting((v) => !v)} data-testid="calls-import-open">
          {t('import.open')}
        </button>
      </div>
      {importing ? <CallImportPanel onClose={() => setImporting(false)} /> : null}
      <div className="calls-table-wrap">
        <table className="calls-table" data-testid="calls-table">
          <thead>
            <tr>
              <th>{t('col.when')}</th>
              <th>{t('col.who')}</th>
              <th>{t('col.result')}</th>
              <th className="num">{t('col.ring')}</th>
              <th className="num">{t('col.talk')}</th>
              <th>{t('col.extension')}</th>
              <th>{t('col.source')}</th>
              <th>{t('col.note')}</th>
            </tr>
          </thead>
          <tbody>
            {calls.map((c) => (
              <CallRow key={c.id} c={c} />
            ))}
          </tbody>
        </table>
        {calls.length === 0 ? <p className="calls-empty muted">{t('empty')}</p> : null}
      </div>
    </div>
  );
}

function CallRow({ c }: { c: CallDto }) {
  const { t } = useTranslation('calls');
  const navigate = useRouter((s) => s.navigate);
  return (
    <tr className={`result-${c.result}`} data-testid="call-row">
      <td>
        <span className="when">
          <Icon name={c.result === 'answered' ? 'calls' : 'missed'} size={15} />
          <span className={`dir ${c.direction}`} title={t(`direction.${c.direction}`)}>
            {c.direction === 'in' ? '↙' : '↗'}
          </span>
          {formatDateTime(c.startedAt)}
        </span>
      </td>
      <td title={`${c.fromNumber ?? '?'} → ${c.toNumber ?? '?'}`}>
        {c.conversationId ? (
          <button className="link-button" onClick={() => navigate(`/inbox/${c.conversationId}`)}>
            {c.patientName ?? formatNumber(c.number)}
          </button>
        ) : (
          <span>{formatNumber(c.number) || t('withheld')}</span>
        )}
        {c.patientName ? <span className="muted sub">{formatNumber(c.number)}</span> : null}
      </td>
      <td>
        <span className={`result-pill ${c.result}`}>{t(`result.${c.result}`)}</span>
      </td>
      <td className="num">{c.ringSeconds ? formatDuration(c.ringSeconds) : '—'}</td>
      <td className="num">{c.talkSeconds ? formatDuration(c.talkSeconds) : '—'}</td>
      <td>{c.extension ?? '—'}</td>
      <td className="muted">{t(`source.${c.source}`, { defaultValue: c.source })}</td>
      <td className="note">{c.note}</td>
    </tr>
  );
}
