import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProviderPanel, PROVIDERS, type ProviderName } from '../settings/sms/ProviderPanel';
import { useSms } from '../settings/sms/smsStore';
import '../settings/sms/sms.css';
import { useSetup } from './setupStore';

/**
 * The wizard's SMS step, in place: choose a provider, save its settings, send a test SMS to a number the
 * admin types. The step turns "done" only when the provider accepted the test (the desk records it).
 */
export function SmsSetupStep({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('setup');
  const { view, error, load } = useSms();
  const [tab, setTab] = useState<ProviderName>('smsapi');
  const status = useSetup((s) => s.status);
  useEffect(() => {
    void load().catch(() => {});
  }, [load]);
  const tested = (): void => {
    void useSetup.getState().load().catch(() => {});
  };
  const done = status?.steps.sms === 'done' ? status.facts.smsTest : null;
  return (
    <section className="setup-sms" data-testid="setup-sms-step" aria-label={t('smsStep.title')}>
      <h3>{t('smsStep.title')}</h3>
      <p className="muted">{t('smsStep.intro')}</p>
      {view ? (
        <>
          <div className="sms-tabs" role="tablist">
            {PROVIDERS.map((p) => (
              <button key={p} type="button" role="tab" aria-selected={tab === p} className={`sms-tab${tab === p ? ' on' : ''}`} onClick={() => setTab(p)} data-testid={`setup-sms-tab-${p}`}>
                {t(`sms:provider.${p}.name`)}
              </button>
            ))}
          </div>
          <ProviderPanel key={tab} provider={tab} view={view.providers.find((p) => p.provider === tab) ?? null} onTest={tested} />
        </>
      ) : error ? (
        <p className="form-status error" role="alert">{error}</p>
      ) : (
        <p className="muted">{t('smsStep.loading')}</p>
      )}
      <div className="setup-sms-footer">
        {done ? (
          <span className="form-status ok" role="status" data-testid="setup-sms-done">
            {t(done.simulated ? 'smsStep.doneSimulated' : 'smsStep.done', { provider: t(`sms:provider.${done.provider}.name`) })}
          </span>
        ) : (
          <span className="muted" data-testid="setup-sms-pending">{t('smsStep.notYet')}</span>
        )}
        <button type="button" className="btn" onClick={onClose} data-testid="setup-sms-close">
          {t('smsStep.close')}
        </button>
      </div>
    </section>
  );
}
