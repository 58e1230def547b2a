import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WhatsAppSettingsDto } from '../../../../src-main/contract/whatsapp';
import { SaveBar } from '../../../components/SaveBar';
import { useWhatsApp } from './whatsappStore';

const PACING_FIELDS = new Set(['minGapMs', 'maxGapMs', 'firstContactDailyCap', 'typing', 'smsFallback', 'includeGroups']);

/** Ban-safe pacing (seconds in the form, milliseconds in the API), first-contact cap, SMS fallback, groups. */
export function PacingCard({ settings }: { settings: WhatsAppSettingsDto }) {
  const { t } = useTranslation('whatsapp');
  const { updateSettings, error, errorField } = useWhatsApp();
  const pacingError = errorField && PACING_FIELDS.has(errorField) ? error : null;
  const [draft, setDraft] = useState({ min: settings.minGapMs / 1000, max: settings.maxGapMs / 1000, cap: settings.firstContactDailyCap });
  const [saved, setSaved] = useState(false);
  useEffect(() => setDraft({ min: settings.minGapMs / 1000, max: settings.maxGapMs / 1000, cap: settings.firstContactDailyCap }), [settings]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(await updateSettings({ minGapMs: Math.round(draft.min * 1000), maxGapMs: Math.round(draft.max * 1000), firstContactDailyCap: draft.cap }));
  };
  const toggle = (key: 'typing' | 'smsFallback' | 'includeGroups') => void updateSettings({ [key]: !settings[key] });

  return (
    <form className="card" onSubmit={save} data-testid="whatsapp-pacing">
      <h3>{t('pacing.title')}</h3>
      <p className="muted">{t('pacing.intro')}</p>
      <div className="form-grid">
        <label htmlFor="wa-min">{t('pacing.minGap')}</label>
        <input id="wa-min" type="number" min={2} max={120} step={0.5} value={draft.min} aria-invalid={errorField === 'minGapMs'} onChange={(e) => setDraft({ ...draft, min: Number(e.target.value) })} />
        <label htmlFor="wa-max">{t('pacing.maxGap')}</label>
        <input id="wa-max" type="number" min={2} max={120} step={0.5} value={draft.max} aria-invalid={errorField === 'maxGapMs'} onChange={(e) => setDraft({ ...draft, max: Number(e.target.value) })} />
        <label htmlFor="wa-cap">{t('pacing.cap')}</label>
        <input id="wa-cap" type="number" min={0} max={200} step={1} value={draft.cap} aria-invalid={errorField === 'firstContactDailyCap'} onChange={(e) => setDraft({ ...draft, cap: Number(e.target.value) })} />
      </div>
      <div className="wa-checks">
        <label>
          <input type="checkbox" checked={settings.typing} onChange={() => toggle('typing')} /> {t('pacing.typing')}
        </label>
        <label>
          <input type="checkbox" checked={settings.smsFallback} onChange={() => toggle('smsFallback')} data-testid="whatsapp-sms-fallback" /> {t('pacing.smsFallback')}
        </label>
        <label>
          <input type="checkbox" checked={settings.includeGroups} onChange={() => toggle('includeGroups')} /> {t('pacing.groups')}
        </label>
      </div>
      <SaveBar label={t('pacing.save')} testId="whatsapp-pacing-save" status={saved && !pacingError ? { ok: true, text: t('pacing.saved') } : null}>
        {pacingError ? (
          <span className="form-status error" role="alert">
            {pacingError}
          </span>
        ) : null}
      </SaveBar>
    </form>
  );
}
