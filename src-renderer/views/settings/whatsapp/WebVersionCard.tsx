import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WhatsAppSettingsDto } from '../../../../src-main/contract/whatsapp';
import { useWhatsApp } from './whatsappStore';

/** The WA Web version announced to WhatsApp: empty = automatic; IT types one when a 405 cannot be fixed online. */
export function WebVersionCard({ settings }: { settings: WhatsAppSettingsDto }) {
  const { t } = useTranslation('whatsapp');
  const { updateSettings, error, errorField } = useWhatsApp();
  const [draft, setDraft] = useState(settings.webVersion);
  const [saved, setSaved] = useState(false);
  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setSaved(await updateSettings({ webVersion: draft }));
  };
  return (
    <form className="card" onSubmit={save} data-testid="whatsapp-web-version">
      <h3>{t('webVersion.title')}</h3>
      <p className="muted">{t('webVersion.hint')}</p>
      <div className="form-grid">
        <label htmlFor="wa-web-version">{t('webVersion.label')}</label>
        <input id="wa-web-version" value={draft} placeholder="2.3000.1027934701" aria-invalid={errorField === 'webVersion'} onChange={(e) => setDraft(e.target.value)} />
      </div>
      {errorField === 'webVersion' && error ? <p className="form-status error">{error}</p> : null}
      <button type="submit">{t('webVersion.save')}</button> {saved ? <span className="muted">{t('webVersion.saved')}</span> : null}
    </form>
  );
}
