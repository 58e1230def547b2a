import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallImportSummary } from '../../../src-main/contract/calls';
import { ApiError, desk } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { reasonText } from '../../i18n/errors';
import { FileDrop } from '../../components/FileDrop';
import { Icon } from '../../components/Icon';
import { useCalls } from './callsStore';

type Format = 'auto' | '3cx' | 'asterisk' | 'generic';

/** Import a PBX export: pick the file, check it (a dry run with exact counts and every bad line), then import. */
export function CallImportPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('calls');
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [format, setFormat] = useState<Format>('auto');
  const [mappings, setMappings] = useState<string[]>([]);
  const [source, setSource] = useState('');
  const [summary, setSummary] = useState<CallImportSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void desk.call('calls.settings', {}).then((s) => setMappings(s.mappings.map((m) => m.sourceName)));
  }, []);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const r = await desk.call('calls.import', {
        fileName: file.name,
        content: file.content,
        format,
        dryRun,
        ...(format === 'generic' && source ? { mappingSource: source } : {}),
      });
      setSummary(r);
      if (!dryRun) void useCalls.getState().load();
    } catch (err) {
      setError(err ?? new Error('failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="call-import" aria-label={t('import.title')} data-testid="call-import">
      <header>
        <h2>{t('import.title')}</h2>
        <button type="button" className="dialog-close" onClick={onClose} aria-label={t('import.close')}>
          <Icon name="close" size={16} />
        </button>
      </header>
      <p className="muted">{t('import.intro')}</p>
      <div className="call-import-row">
        <FileDrop
          accept=".csv,.txt,text/csv"
          hint={t('import.fileHint')}
          testId="import-file"
          onPick={(picked) => {
            setSummary(null);
            setFile(picked);
          }}
        />
        <select value={format} onChange={(e) => setFormat(e.target.value as Format)} aria-label={t('import.format')} data-testid="import-format">
          {(['auto', '3cx', 'asterisk', 'generic'] as const).map((f) => (
            <option key={f} value={f}>
              {t(`import.formats.${f}`)}
            </option>
          ))}
        </select>
        {format === 'generic' ? (
          <select value={source} onChange={(e) => setSource(e.target.value)} aria-label={t('import.mapping')}>
            <option value="">{mappings.length ? t('import.pickMapping') : t('import.noMappings')}</option>
            {mappings.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        ) : null}
        <button type="button" className="btn" disabled={!file || busy} onClick={() => void run(true)} data-testid="import-check">
          {t('import.check')}
        </button>
        <button type="button" className="btn primary" disabled={!file || busy} onClick={() => void run(false)} data-testid="import-run">
          {t('import.run')}
        </button>
      </div>
      {error ? <ErrorNotice error={error} onLeave={onClose} /> : null}
      {summary ? <ImportSummaryView s={summary} onLeave={onClose} /> : null}
    </section>
  );
}

function ImportSummaryView({ s, onLeave }: { s: CallImportSummary; onLeave(): void }) {
  const { t } = useTranslation('calls');
  if (s.fileError) {
    const shown = new ApiError('invalid_input', s.fileError, undefined, s.fileErrorReason ? { reason: s.fileErrorReason } : {});
    return <ErrorNotice error={shown} testId="import-summary" onLeave={onLeave} />;
  }
  return (
    <div className="import-summary" data-testid="import-summary">
      <p>
        <strong>{s.dryRun ? t('import.wouldImport', { count: s.imported }) : t('import.imported', { count: s.imported })}</strong>{' '}
        {t('import.details', { stored: s.alreadyStored, duplicates: s.duplicateRows.length, skipped: s.skipped.length, errors: s.errors.length, tasks: s.callbackTasksOpened })}
      </p>
      {s.errors.length > 0 ? (
        <ul className="import-errors">
          {s.errors.slice(0, 50).map((e) => (
            <li key={`${e.line}-${e.message}`}>
              <span className="line-no">{t('import.line', { line: e.line })}</span> <span title={e.message}>{reasonText(e)}</span>
            </li>
          ))}
          {s.errors.length > 50 ? <li className="muted">{t('import.more', { count: s.errors.length - 50 })}</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
