import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClinicSettings } from '../../../../src-main/contract/core';
import { desk } from '../../../api/client';
import { LanguageSelect } from '../../../components/LanguageSelect';
import { FormRow, SaveBar, useSaveStatus } from '../../../components/SaveBar';
import { useApp } from '../../../stores/appStore';

/** The clinic's name, country (default phone region), default patient language and time zone. */
export function ClinicSection() {
  const { t } = useTranslation('settings');
  const settings = useApp((s) => s.info?.settings ?? null);
  const [draft, setDraft] = useState<ClinicSettings | null>(settings);
  const { status, run } = useSaveStatus();
  useEffect(() => setDraft(settings), [settings]);
  if (!draft) return null;

  const set = <K extends keyof ClinicSettings>(key: K, value: ClinicSettings[K]) => setDraft({ ...draft, [key]: value });
  const save = async (e: FormEvent) => {
    e.preventDefault();
    await run(
      () =>
        desk.call('settings.update', {
          clinicName: draft.clinicName,
          defaultRegion: draft.defaultRegion.toUpperCase(),
          defaultLanguage: draft.defaultLanguage,
          timeZone: draft.timeZone,
        }),
      t('saved'),
    );
  };

  return (
    <form onSubmit={save}>
      <h2>{t('clinic.title')}</h2>
      <p className="section-intro">{t('clinic.intro')}</p>
      <div className="card">
        <div className="form-grid">
          <FormRow id="clinic-name" label={t('clinic.name')}>
            <input id="clinic-name" value={draft.clinicName} onChange={(e) => set('clinicName', e.target.value)} required maxLength={120} />
          </FormRow>
          <FormRow id="clinic-region" label={t('clinic.region')}>
            <input id="clinic-region" value={draft.defaultRegion} onChange={(e) => set('defaultRegion', e.target.value)} maxLength={2} pattern="[A-Za-z]{2}" />
          </FormRow>
          <FormRow id="clinic-language" label={t('clinic.language')}>
            <LanguageSelect id="clinic-language" value={draft.defaultLanguage} onChange={(v) => set('defaultLanguage', v)} />
          </FormRow>
          <FormRow id="clinic-tz" label={t('clinic.timeZone')}>
            <input id="clinic-tz" value={draft.timeZone} onChange={(e) => set('timeZone', e.target.value)} />
          </FormRow>
        </div>
        <SaveBar label={t('save')} testId="clinic-save" status={status} />
      </div>
    </form>
  );
}
