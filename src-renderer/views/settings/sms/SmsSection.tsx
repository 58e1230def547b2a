import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { previewSms } from '../../../../src-main/domain/sms/smsSegments';
import { OptOutPanel } from './OptOutPanel';
import { ProviderPanel, PROVIDERS, type ProviderName } from './ProviderPanel';
import { WebhookLog } from './WebhookLog';
import { useSms } from './smsStore';
import './sms.css';

const SAMPLE = 'Gentile paziente, la visita è confermata. Dzień dobry, zapłata gotówką.';

/** Settings → SMS: the provider in use and each provider's configuration, message length rules, opt-out words, webhook log. */
export function SmsSection() {
  const { t } = useTranslation('sms');
  const { view, error, load, updateGeneral } = useSms();
  const [tab, setTab] = useState<ProviderName>('smsapi');
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    void load().catch(() => {});
  }, [load]);
  useEffect(() => {
    if (view?.general.activeProvider) setTab(view.general.activeProvider);
    // only when first loaded
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view === null]);
  if (!view) return error ? <p className="form-status error">{error}</p> : null;

  const g = view.general;
  const configured = new Set(view.providers.map((p) => p.provider));
  const change = async (changes: Parameters<typeof updateGeneral>[0]): Promise<void> => {
    try {
      await updateGeneral(changes);
      setSaved(t('saved'));
    } catch {
      setSaved(null);
    }
  };
  const example = previewSms(SAMPLE, { transliterate: g.transliterate });

  return (
    <div className="sms-settings">
      <h2>{t('title')}</h2>
      <p className="section-intro">{t('intro')}</p>
      {view.demo ? <p className="note-banner">{t('demoNote')}</p> : null}

      <div className="card">
        <h3>{t('active.title')}</h3>
        <div className="form-grid">
          <label htmlFor="sms-active">{t('active.label')}</label>
          <select
            id="sms-active"
            data-testid="sms-active-provider"
            value={g.activeProvider ?? ''}
            onChange={(e) => void change({ activeProvider: (e.target.value || null) as ProviderName | null })}
          >
            <option value="">{t('active.none')}</option>
            {PROVIDERS.filter((p) => configured.has(p)).map((p) => (
              <option key={p} value={p}>
                {t(`provider.${p}.name`)}
              </option>
            ))}
          </select>
        </div>
        {configured.size === 0 ? <p className="muted">{t('active.nothingConfigured')}</p> : null}
      </div>

      <div className="card">
        <div className="sms-tabs" role="tablist">
          {PROVIDERS.map((p) => (
            <button key={p} role="tab" aria-selected={tab === p} className={`sms-tab${tab === p ? ' on' : ''}`} onClick={() => setTab(p)} data-testid={`sms-tab-${p}`}>
              {t(`provider.${p}.name`)}
              {g.activeProvider === p ? <span className="sms-badge active">{t('badge.active')}</span> : configured.has(p) ? <span className="sms-badge">{t('badge.configured')}</span> : null}
            </button>
          ))}
        </div>
        <ProviderPanel key={tab} provider={tab} view={view.providers.find((p) => p.provider === tab) ?? null} />
      </div>

      <div className="card">
        <h3>{t('length.title')}</h3>
        <div className="form-grid">
          <label htmlFor="sms-translit">{t('length.transliterate')}</label>
          <label className="sms-check">
            <input id="sms-translit" type="checkbox" checked={g.transliterate} onChange={(e) => void change({ transliterate: e.target.checked })} data-testid="sms-transliterate" />
            <span>{t('length.transliterateHelp')}</span>
          </label>
          <span />
          <div className="sms-example" data-testid="sms-example">
            <div>{example.sent}</div>
            <small>
              {t('length.cost', { count: example.count.segments, encoding: example.count.encoding })}
              {example.count.ucs2Because ? ` · ${t('length.because', { char: example.count.ucs2Because })}` : ''}
            </small>
          </div>
          <label htmlFor="sms-max">{t('length.maxSegments')}</label>
          <input id="sms-max" type="number" min={1} max={10} value={g.maxSegments} onChange={(e) => void change({ maxSegments: Number(e.target.value) || 1 })} />
          <label htmlFor="sms-poll">{t('length.poll')}</label>
          <select id="sms-poll" value={g.pollIntervalSeconds} onChange={(e) => void change({ pollIntervalSeconds: Number(e.target.value) })}>
            {[0, 60, 120, 300, 900].map((s) => (
              <option key={s} value={s}>
                {s === 0 ? t('length.pollOff') : t('length.pollEvery', { minutes: s / 60 })}
              </option>
            ))}
          </select>
        </div>
        {saved ? <p className="form-status ok" role="status">{saved}</p> : null}
        {error ? <p className="form-status error" role="alert">{error}</p> : null}
      </div>

      <OptOutPanel general={g} onSave={change} />
      <WebhookLog />
    </div>
  );
}
