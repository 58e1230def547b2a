import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClinicSettings } from '../../../../src-main/contract/core';
import { ApiError, desk } from '../../../api/client';
import { useApp } from '../../../stores/appStore';

const LANGUAGES = ['it', 'pl', 'en', 'de', 'fr', 'es', 'uk'] as const;

/** The clinic's name, country (default phone region), default patient language and time zone. */
export function ClinicSection() {
  const { t } = useTranslation('settings');
  const settings = useApp((s) => s.info?.settings ?? null);
  const [draft, setDraft] = useState<ClinicSettings | null>(settings);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => setDraft(settings), [settings]);
  if (!draft) return null;

  const set = <K extends keyof ClinicSettings>(key: K, value: ClinicSettings[K]) => setDraft({ ...draft, [key]: value });
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await desk.call('settings.update', {
        clinicName: draft.clinicName,
        defaultRegion: draft.defaultRegion.toUpperCase(),
        defaultLanguage: draft.defaultLanguage,
        timeZone: draft.timeZone,
      });
      setStatus({ ok: true, text: t('saved') });
    } catch (err) {
      setStatus({ ok: false, text: err instanceof ApiError ? err.message : String(err) });
    }
  };

  return (
    <form onSubmit={save}>
      <h2>{t('clinic.title')}</h2>
      <p className="section-intro">{t('clinic.intro')}</p>
      <div className="form-grid">
        <label htmlFor="clinic-name">{t('clinic.name')}</label>
        <input id="clinic-name" value={draft.clinicName} onChange={(e) => set('clinicName', e.target.value)} required maxLength={120} />
        <label htmlFor="clinic-region">{t('clinic.region')}</label>
        <input id="clinic-region" value={draft.defaultRegion} onChange={(e) => set('defaultRegion', e.target.value)} maxLength={2} pattern="[A-Za-z]{2}" />
        <label htmlFor="clinic-language">{t('clinic.language')}</label>
        <select id="clinic-language" value={draft.defaultLanguage} onChange={(e) => set('defaultLanguage', e.target.value)}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`languages.${l}`)}
            </option>
          ))}
        </select>
        <label htmlFor="clinic-tz">{t('clinic.timeZone')}</label>
        <input id="clinic-tz" value={draft.timeZone} onChange={(e) => set('timeZone', e.target.value)} />
      </div>
      <div className="form-actions">
        <button type="submit" className="btn primary" data-testid="clinic-save">
          {t('save')}
        </button>
        {status ? <span className={`form-status ${status.ok ? 'ok' : 'error'}`} role="status">{status.text}</span> : null}
      </div>
    </form>
  );
}
