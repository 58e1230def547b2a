import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComposedTextDto } from '../../../src-main/contract/templates';
import { desk } from '../../api/client';

interface PatientOption {
  id: number;
  name: string;
  language: string | null;
}

/**
 * The text as a chosen patient would receive it (their name, next appointment, their language with the
 * fallback chain), or with no patient to check the fallbacks. Follows the editor as it is typed.
 */
export function TemplatePreview({ variants, language }: { variants: Record<string, string>; language: string }) {
  const { t } = useTranslation('templates');
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<PatientOption[]>([]);
  const [patient, setPatient] = useState<PatientOption | null>(null);
  const [asPatient, setAsPatient] = useState(false);
  const [result, setResult] = useState<ComposedTextDto | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => {
      void desk.call('templates.previewPatients', { query }).then((r) => setOptions(r.items));
    }, 150);
    return () => clearTimeout(timer);
  }, [query]);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      const chosen = asPatient && patient ? null : language;
      void desk
        .call('templates.preview', { variants, patientId: patient?.id ?? null, language: chosen })
        .then((r) => live && setResult(r))
        .catch(() => live && setResult(null));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [variants, language, patient, asPatient]);

  const choose = (id: string) => {
    const p = options.find((o) => String(o.id) === id) ?? null;
    setPatient(p);
    setAsPatient(Boolean(p));
  };
  const languageName = (l: string) => t(`languages.${l}`, { defaultValue: l });

  return (
    <aside className="tpl-preview" aria-label={t('preview.title')} data-testid="template-preview">
      <h3>{t('preview.title')}</h3>
      <label className="tpl-preview-field">
        <span>{t('preview.patient')}</span>
        <input value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('preview.searchPatient')} aria-label={t('preview.searchPatient')} data-testid="preview-patient-search" />
        <select value={patient ? String(patient.id) : ''} onChange={(e) => choose(e.target.value)} data-testid="preview-patient">
          <option value="">{t('preview.noPatient')}</option>
          {patient && !options.some((o) => o.id === patient.id) ? <option value={patient.id}>{patient.name}</option> : null}
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
              {o.language ? ` · ${o.language.toUpperCase()}` : ''}
            </option>
          ))}
        </select>
      </label>
      {patient ? (
        <label className="tpl-check">
          <input type="checkbox" checked={asPatient} onChange={(e) => setAsPatient(e.target.checked)} data-testid="preview-as-patient" />
          <span>
            {t('preview.patientLanguage')}
            {patient.language ? ` (${languageName(patient.language)})` : ''}
          </span>
        </label>
      ) : null}
      <div className="tpl-preview-bubble" data-testid="preview-text">
        {result ? result.text : <span className="muted">{t('preview.nothing')}</span>}
      </div>
      {result?.fellBack ? <p className="tpl-note warn">{t('preview.fellBack', { language: languageName(result.language) })}</p> : null}
      {result && result.missing.length > 0 ? (
        <p className="tpl-note error">{t('preview.missing', { list: result.missing.map((m) => `{{${m}}}`).join(', ') })}</p>
      ) : null}
    </aside>
  );
}
