import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../src-main/contract/appointments';
import { ApiError, desk } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { FileDrop } from '../../components/FileDrop';
import { clinicDate, clinicTime, LOCALES } from './clinicTime';

/** Import a calendar (ICS) or a spreadsheet export (CSV): a dry run shows every row and error first. */
export function ImportDialog(props: { timeZone: string; onClose(): void; onImported(): void }) {
  const { t, i18n } = useTranslation('schedule');
  const { onClose } = props;
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [practitioner, setPractitioner] = useState('');
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const locale = LOCALES[i18n.language] ?? 'en-GB';

  const run = async (dryRun: boolean, f = file): Promise<void> => {
    if (!f) return;
    setBusy(true);
    setError(null);
    try {
      const format = /\.(ics|ical)$/i.test(f.name) ? 'ics' : 'csv';
      const result = await desk.call('appointments.import', { format, content: f.content, dryRun, ...(practitioner.trim() ? { practitioner: practitioner.trim() } : {}) });
      setSummary(result);
      if (!dryRun) props.onImported();
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('import.title')}
      subtitle={t('import.intro')}
      onClose={onClose}
      testId="import-dialog"
      size="wide"
      footer={
        <>
          <button className="secondary" onClick={onClose}>
            {t('import.close')}
          </button>
          <button className="primary" disabled={busy || !summary?.dryRun || summary.rows.length === 0} onClick={() => void run(false)} data-testid="import-confirm">
            {t('import.confirm', { count: summary?.rows.length ?? 0 })}
          </button>
        </>
      }
    >
      <div className="import-form">
        <FileDrop
          accept=".ics,.ical,.csv,.txt,text/calendar,text/csv"
          hint={t('import.fileHint')}
          testId="import-file"
          onPick={async (picked) => {
            setFile(picked);
            setSummary(null);
            if (picked) await run(true, picked);
          }}
        />
        <input className="delay-input" placeholder={t('import.practitioner')} value={practitioner} onChange={(e) => setPractitioner(e.target.value)} aria-label={t('import.practitioner')} />
      </div>
      {error ? <div className="preview-stale">{error}</div> : null}
      {summary ? (
        <>
          <div className="import-counts" data-testid="import-counts">
            {summary.dryRun
              ? t('import.wouldCreate', { created: summary.created, updated: summary.updated, unchanged: summary.unchanged })
              : t('import.done', { created: summary.created, updated: summary.updated, unchanged: summary.unchanged })}
          </div>
          <ul className="preview-list import-rows">
            {summary.errors.map((e) => (
              <li key={`e${e.line}`} className="import-error" data-testid="import-error">
                {t('import.line', { line: e.line })}: {e.message}
              </li>
            ))}
            {summary.rows.map((r) => (
              <li key={r.uid} className={r.cancelled ? 'muted' : ''}>
                <span className="import-when">
                  {clinicDate(r.startsAt, props.timeZone, locale)} {clinicTime(r.startsAt, props.timeZone)}–{clinicTime(r.endsAt, props.timeZone)}
                </span>{' '}
                <b>{r.patientName ?? '—'}</b> · {r.practitioner} <span className="muted">({t(`import.outcome.${r.outcome}`)})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Dialog>
  );
}
