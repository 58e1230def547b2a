import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../src-main/contract/appointments';
import { desk } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FileDrop } from '../../components/FileDrop';
import { reasonText } from '../../i18n/errors';
import { clinicDate, clinicTime, LOCALES } from './clinicTime';
import { NewPractitioners } from './NewPractitioners';

/** Import a calendar (ICS) or a spreadsheet export (CSV): a dry run shows every row and error first. */
export function ImportDialog(props: { timeZone: string; onClose(): void; onImported(): void }) {
  const { t, i18n } = useTranslation('schedule');
  const { onClose } = props;
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [practitioner, setPractitioner] = useState('');
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  /** Surname first ("Rossi Mario") is common in Italian agendas: chosen per import, seen in the preview. */
  const [nameOrder, setNameOrder] = useState<'first_last' | 'last_first'>('first_last');
  const [busy, setBusy] = useState(false);
  /** New practitioner names ticked under "will be created": only these are created, on preview and import. */
  const [createNames, setCreateNames] = useState<string[]>([]);
  /** Booking confirmations for this import's new visits; null: the default (off for the clinic's first import). */
  const [confirmations, setConfirmations] = useState<boolean | null>(null);
  const sendConfirmations = confirmations ?? (summary ? summary.firstImport !== true : false);
  const locale = LOCALES[i18n.language] ?? 'en-GB';

  const run = async (dryRun: boolean, f = file, order = nameOrder, names = createNames): Promise<void> => {
    if (!f) return;
    setBusy(true);
    setError(null);
    try {
      const format = /\.(ics|ical)$/i.test(f.name) ? 'ics' : 'csv';
      const result = await desk.call('appointments.import', {
        format,
        content: f.content,
        dryRun,
        nameOrder: order,
        createPractitioners: names,
        ...(dryRun ? {} : { sendConfirmations }),
        ...(practitioner.trim() ? { practitioner: practitioner.trim() } : {}),
      });
      setSummary(result);
      if (!dryRun) props.onImported();
    } catch (e) {
      setError(e ?? new Error('failed'));
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
            setCreateNames([]);
            if (picked) await run(true, picked, nameOrder, []);
          }}
        />
        <input className="delay-input" placeholder={t('import.practitioner')} value={practitioner} onChange={(e) => setPractitioner(e.target.value)} aria-label={t('import.practitioner')} />
        <label className="name-order">
          {t('desk:import.nameOrder')}
          <select
            value={nameOrder}
            onChange={(e) => {
              const order = e.target.value as 'first_last' | 'last_first';
              setNameOrder(order);
              if (file) void run(true, file, order);
            }}
            data-testid="import-name-order"
          >
            <option value="first_last">{t('desk:import.firstLast')}</option>
            <option value="last_first">{t('desk:import.lastFirst')}</option>
          </select>
        </label>
      </div>
      {error ? <ErrorNotice error={error} testId="import-error-notice" onLeave={onClose} /> : null}
      {summary ? (
        <>
          <div className="import-counts" data-testid="import-counts">
            {summary.dryRun
              ? t('import.wouldCreate', { created: summary.created, updated: summary.updated, unchanged: summary.unchanged })
              : t('import.done', { created: summary.created, updated: summary.updated, unchanged: summary.unchanged })}
          </div>
          {summary.dryRun ? (
            <label className="import-confirmations">
              <input type="checkbox" checked={sendConfirmations} disabled={busy} onChange={(e) => setConfirmations(e.target.checked)} data-testid="import-send-confirmations" />{' '}
              {t('agenda:import.sendConfirmations')}
              {summary.firstImport ? <span className="muted"> · {t('agenda:import.firstImportHint')}</span> : null}
            </label>
          ) : summary.confirmations ? (
            <div className="muted" data-testid="import-confirmations-result">
              {summary.confirmations.sent ? t('agenda:import.confirmationsSent', { count: summary.confirmations.noticesQueued }) : t('agenda:import.confirmationsOff')}
            </div>
          ) : null}
          {summary.newPractitioners.length > 0 ? (
            <NewPractitioners
              list={summary.newPractitioners}
              checked={createNames}
              disabled={busy || !summary.dryRun}
              onChange={(names) => {
                setCreateNames(names);
                void run(true, file, nameOrder, names);
              }}
            />
          ) : null}
          <ul className="preview-list import-rows">
            {summary.errors.map((e) => (
              <li key={`e${e.line}`} className="import-error" data-testid="import-error">
                {t('import.line', { line: e.line })}: <span title={e.message}>{reasonText(e)}</span>
              </li>
            ))}
            {summary.rows.map((r) => (
              <li key={r.uid} className={r.cancelled ? 'muted' : ''}>
                <span className="import-when">
                  {clinicDate(r.startsAt, props.timeZone, locale)} {clinicTime(r.startsAt, props.timeZone)}–{clinicTime(r.endsAt, props.timeZone)}
                </span>{' '}
                <b>{r.patientName ?? '—'}</b>
                {r.name ? (
                  <span className="import-name" data-testid="import-name">
                    {' '}
                    ({t('desk:import.parsedName', { first: r.name.firstName || '—', last: r.name.lastName || '—' })})
                  </span>
                ) : null}{' '}
                · {r.practitioner} <span className="muted">({t(`import.outcome.${r.outcome}`)})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Dialog>
  );
}
