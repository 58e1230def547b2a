import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallSettingsDto, TextBackRules } from '../../../../src-main/contract/calls';
import { desk } from '../../../api/client';
import { SaveBar, useSaveStatus } from '../../../components/SaveBar';
import { TimeField } from '../../../components/datetime';

const RESULTS = ['missed', 'abandoned', 'voicemail', 'busy'] as const;

/** When a missed caller gets a text: on/off, channel, template, hours, quiet hours, which results. Once per caller per day at most. */
export function TextBackForm({ settings, onSaved }: { settings: CallSettingsDto; onSaved: (s: CallSettingsDto) => void }) {
  const { t } = useTranslation('calls');
  const [rules, setRules] = useState<TextBackRules>(settings.textBack);
  const { status, run } = useSaveStatus();
  const set = <K extends keyof TextBackRules>(k: K, v: TextBackRules[K]) => setRules({ ...rules, [k]: v });
  const templates = settings.templates.some((x) => x.shortcode === rules.templateShortcode)
    ? settings.templates
    : [{ shortcode: rules.templateShortcode, name: t('settings.textBack.standardTemplate') }, ...settings.templates];

  const save = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const saved = await desk.call('calls.saveSettings', { textBack: rules });
      onSaved(saved);
      setRules(saved.textBack);
    }, t('settings.saved'));
  };

  return (
    <form onSubmit={save} className="settings-subsection card" data-testid="textback-form">
      <h3>{t('settings.textBack.title')}</h3>
      <p className="section-intro">{t('settings.textBack.intro')}</p>
      <div className="form-grid">
        <label htmlFor="tb-enabled">{t('settings.textBack.enabled')}</label>
        <input id="tb-enabled" type="checkbox" checked={rules.enabled} onChange={(e) => set('enabled', e.target.checked)} style={{ width: 'auto' }} data-testid="textback-enabled" />
        <label htmlFor="tb-channel">{t('settings.textBack.channel')}</label>
        <select id="tb-channel" value={rules.channel} onChange={(e) => set('channel', e.target.value as TextBackRules['channel'])}>
          {(['preferred', 'sms', 'whatsapp'] as const).map((c) => (
            <option key={c} value={c}>
              {t(`settings.textBack.channels.${c}`)}
            </option>
          ))}
        </select>
        <label htmlFor="tb-template">{t('settings.textBack.template')}</label>
        <select id="tb-template" value={rules.templateShortcode} onChange={(e) => set('templateShortcode', e.target.value)}>
          {templates.map((x) => (
            <option key={x.shortcode} value={x.shortcode}>
              /{x.shortcode} — {x.name}
            </option>
          ))}
        </select>
        <label htmlFor="tb-when">{t('settings.textBack.when')}</label>
        <select id="tb-when" value={rules.when} onChange={(e) => set('when', e.target.value as TextBackRules['when'])}>
          {(['always', 'open_hours', 'closed_hours'] as const).map((w) => (
            <option key={w} value={w}>
              {t(`settings.textBack.whens.${w}`)}
            </option>
          ))}
        </select>
        <span>{t('settings.textBack.quiet')}</span>
        <span className="checks">
          <TimeField value={rules.quietFrom} onChange={(v) => set('quietFrom', v)} label={t('settings.textBack.quiet')} testId="tb-quiet-from" />
          <span>–</span>
          <TimeField value={rules.quietUntil} onChange={(v) => set('quietUntil', v)} label={t('settings.textBack.quietUntil')} testId="tb-quiet-until" />
        </span>
        <span>{t('settings.textBack.results')}</span>
        <span className="checks">
          {RESULTS.map((r) => (
            <label key={r}>
              <input
                type="checkbox"
                checked={rules.results.includes(r)}
                onChange={(e) => set('results', e.target.checked ? [...rules.results, r] : rules.results.filter((x) => x !== r))}
              />
              {t(`result.${r}`)}
            </label>
          ))}
        </span>
        <label htmlFor="tb-known">{t('settings.textBack.onlyKnown')}</label>
        <input id="tb-known" type="checkbox" checked={rules.onlyKnownPatients} onChange={(e) => set('onlyKnownPatients', e.target.checked)} style={{ width: 'auto' }} />
        <label htmlFor="tb-ring">{t('settings.textBack.minRing')}</label>
        <input id="tb-ring" type="number" min={0} max={600} value={rules.minRingSeconds} onChange={(e) => set('minRingSeconds', Number(e.target.value))} />
        <label htmlFor="tb-delay">{t('settings.textBack.maxDelay')}</label>
        <input id="tb-delay" type="number" min={1} max={1440} value={rules.maxDelayMinutes} onChange={(e) => set('maxDelayMinutes', Number(e.target.value))} />
      </div>
      <p className="muted">{t('settings.textBack.oncePerDay')}</p>
      <SaveBar label={t('settings.save')} testId="textback-save" status={status} />
    </form>
  );
}
