import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { HealthPanel } from './HealthPanel';
import { LinkCard } from './LinkCard';
import { PacingCard } from './PacingCard';
import { WebVersionCard } from './WebVersionCard';
import { useWhatsApp } from './whatsappStore';
import './whatsapp.css';

/** Settings → WhatsApp: link the clinic's WhatsApp Business number (QR or code), watch the link's health, tune pacing. */
export function WhatsAppSection() {
  const { t } = useTranslation('whatsapp');
  const { status, error, load, listen } = useWhatsApp();
  useEffect(() => {
    const off = listen();
    void load();
    return off;
  }, [load, listen]);
  if (!status) return error ? <p className="form-status error">{error}</p> : null;
  return (
    <div className="wa-settings">
      <h2>{t('title')}</h2>
      <p className="section-intro">{t('intro')}</p>
      {status.demo ? <p className="note-banner" data-testid="whatsapp-demo-note">{t('demoNote')}</p> : null}
      <LinkCard status={status} />
      <HealthPanel status={status} />
      <PacingCard settings={status.settings} />
      {status.demo ? null : <WebVersionCard settings={status.settings} />}
    </div>
  );
}
