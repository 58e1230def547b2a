import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AutoReplySettingsDto, ClinicProfile, TemplateSummary } from '../../../../src-main/contract/templates';
import { desk } from '../../../api/client';
import { templateName } from '../../templates/templateName';
import '../hours/hours.css';
import { SaveBar, useSaveStatus } from '../../../components/SaveBar';

const TOPICS = ['hours', 'address', 'booking', 'prices', 'documents'] as const;
type Toggle = { enabled: boolean; templateId: number | null };

/** Which automatic replies are on and with which reply, plus the clinic details those replies print. */
export function AutoRepliesSection() {
  const { t } = useTranslation('templates');
  const [draft, setDraft] = useState<AutoReplySettingsDto | null>(null);
  const [profile, setProfile] = useState<ClinicProfile | null>(null);
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const { status, run } = useSaveStatus();

  useEffect(() => {
    void Promise.all([desk.call('autoReplies.get', {}), desk.call('clinicProfile.get', {}), desk.call('templates.list', {})]).then(([s, p, l]) => {
      setDraft(s);
      setProfile(p);
      setTemplates(l.items);
    });
  }, []);
  if (!draft || !profile) return null;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const [s, p] = await Promise.all([desk.call('autoReplies.save', draft), desk.call('clinicProfile.save', profile)]);
      setDraft(s);
      setProfile(p);
    }, t('settings:saved'));
  };

  /** The reply picker of one automatic reply: "first of the category" or a chosen template of that category. */
  const picker = (category: string, value: Toggle, onChange: (v: Toggle) => void, testId: string) => {
    const own = templates.filter((x) => x.category === category);
    const others = templates.filter((x) => x.category !== category);
    return (
      <select value={value.templateId ?? ''} onChange={(e) => onChange({ ...value, templateId: e.target.value ? Number(e.target.value) : null })} data-testid={testId} aria-label={t('auto.template')}>
        <option value="">{own[0] ? t('auto.defaultTemplate', { name: templateName(own[0]) }) : t('auto.noTemplate')}</option>
        {[...own, ...others].map((x) => (
          <option key={x.id} value={x.id}>
            {templateName(x)} (/{x.shortcode})
          </option>
        ))}
      </select>
    );
  };
  const toggle = (checked: boolean, onChange: (v: boolean) => void, testId: string) => (
    <label className="switch">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
      <span>{checked ? t('auto.on') : t('auto.off')}</span>
    </label>
  );
  const missing = (['address', 'phone', 'website'] as const).filter((k) => profile[k].trim() === '');

  return (
    <form onSubmit={save} data-testid="autoreplies-form">
      <h2>{t('auto.title')}</h2>
      <p className="section-intro">{t('auto.intro')}</p>

      <section className="auto-card card">
        <header>
          <h3>{t('auto.welcome')}</h3>
          {toggle(draft.welcome.enabled, (enabled) => setDraft({ ...draft, welcome: { ...draft.welcome, enabled } }), 'auto-welcome')}
        </header>
        <p className="muted">{t('auto.welcomeHint')}</p>
        <div className="auto-row">
          <span className="muted">{t('auto.template')}</span>
          {picker('welcome', draft.welcome, (v) => setDraft({ ...draft, welcome: { ...draft.welcome, ...v } }), 'auto-welcome-template')}
          <span className="muted">{t('auto.silenceDays')}</span>
          <span>
            <input
              type="number"
              min={1}
              max={365}
              value={draft.welcome.silenceDays}
              onChange={(e) => setDraft({ ...draft, welcome: { ...draft.welcome, silenceDays: Math.round(Number(e.target.value)) || 1 } })}
              style={{ width: 80 }}
              aria-label={t('auto.silenceDays')}
              data-testid="auto-silence-days"
            />{' '}
            {t('auto.days', { count: draft.welcome.silenceDays })}
          </span>
        </div>
      </section>

      <section className="auto-card card">
        <header>
          <h3>{t('auto.outOfHours')}</h3>
          {toggle(draft.outOfHours.enabled, (enabled) => setDraft({ ...draft, outOfHours: { ...draft.outOfHours, enabled } }), 'auto-out-of-hours')}
        </header>
        <p className="muted">{t('auto.outOfHoursHint')}</p>
        <div className="auto-row">
          <span className="muted">{t('auto.template')}</span>
          {picker('out_of_hours', draft.outOfHours, (v) => setDraft({ ...draft, outOfHours: v }), 'auto-out-of-hours-template')}
        </div>
      </section>

      <section className="auto-card card">
        <header>
          <h3>{t('auto.keywords')}</h3>
          {toggle(draft.keywords.enabled, (enabled) => setDraft({ ...draft, keywords: { ...draft.keywords, enabled } }), 'auto-keywords')}
        </header>
        <p className="muted">{t('auto.keywordsHint')}</p>
        <div className="auto-topics">
          {TOPICS.map((topic) => {
            const value = draft.keywords.topics[topic];
            const set = (v: Toggle) => setDraft({ ...draft, keywords: { ...draft.keywords, topics: { ...draft.keywords.topics, [topic]: v } } });
            return [
              <strong key={`${topic}-n`}>{t(`auto.topics.${topic}`)}</strong>,
              <span key={`${topic}-t`}>{toggle(value.enabled, (enabled) => set({ ...value, enabled }), `auto-topic-${topic}`)}</span>,
              <span key={`${topic}-p`}>{picker(topic, value, set, `auto-topic-${topic}-template`)}</span>,
            ];
          })}
        </div>
      </section>

      <section className="auto-card card">
        <h3>{t('auto.profile')}</h3>
        <p className="muted">{t('auto.profileHint')}</p>
        <div className="auto-row">
          {(['address', 'phone', 'website'] as const).map((k) => [
            <label key={`${k}-l`} htmlFor={`profile-${k}`} className="muted">
              {t(`auto.${k}`)}
            </label>,
            <input key={`${k}-i`} id={`profile-${k}`} value={profile[k]} onChange={(e) => setProfile({ ...profile, [k]: e.target.value })} data-testid={`profile-${k}`} />,
          ])}
        </div>
        {missing.length > 0 ? <p className="auto-missing">{t('auto.missingProfile', { list: missing.map((k) => t(`auto.${k}`)).join(', ') })}</p> : null}
      </section>

      <SaveBar label={t('settings:save')} testId="autoreplies-save" status={status} />
    </form>
  );
}
