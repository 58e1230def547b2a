import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { desk } from '../../api/client';
import { FormRow, SaveBar, useSaveStatus } from '../../components/SaveBar';

/** Settings → Privacy (admins): how many years message texts and media are kept. */
export function PrivacySection() {
  const { t } = useTranslation('gdpr');
  const [years, setYears] = useState<string>('');
  const { status, run } = useSaveStatus();
  useEffect(() => {
    void desk.call('gdpr.getRetention', {}).then((r) => setYears(r.years === null ? '' : String(r.years))).catch(() => undefined);
  }, []);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    await run(() => desk.call('gdpr.setRetention', { years: years.trim() === '' ? null : Number(years) }), t('retention.saved'));
  };
  return (
    <form onSubmit={save} data-testid="privacy-form">
      <h2>{t('title')}</h2>
      <p className="section-intro">{t('intro')}</p>
      <div className="card">
        <h3>{t('retention.title')}</h3>
        <p className="section-intro">{t('retention.intro')}</p>
        <div className="form-grid">
          <FormRow id="retention-years" label={t('retention.years')} hint={t('retention.hint')}>
            <input id="retention-years" type="number" min={1} max={30} value={years} placeholder={t('retention.off')} onChange={(e) => setYears(e.target.value)} />
          </FormRow>
        </div>
        <SaveBar label={t('retention.save')} testId="retention-save" status={status} />
      </div>
    </form>
  );
}
