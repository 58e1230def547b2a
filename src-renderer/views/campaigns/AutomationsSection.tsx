import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Response } from '../../../src-main/contract';
import type { TemplateSummary } from '../../../src-main/contract/templates';
import { desk } from '../../api/client';
import { FormRow, SaveBar, useSaveStatus } from '../../components/SaveBar';
import './campaigns.css';

type Settings = Response<'automations.get'>;
type Week = Response<'automations.week'>;
type Channel = Settings['birthday']['channels'][number];
const CHANNELS: Channel[] = ['whatsapp', 'sms'];

/**
 * The channels an automation may use (the patient's preferred one first, then the others ticked, as campaigns do).
 * At least one stays ticked: the last one cannot be unticked.
 */
function ChannelPicker({ id, value, onChange }: { id: string; value: Channel[]; onChange(v: Channel[]): void }) {
  const { t } = useTranslation('automations');
  return (
    <span className="seg-inline" role="group" aria-labelledby={`${id}-label`} data-testid={id}>
      {CHANNELS.map((c) => {
        const on = value.includes(c);
        const last = on && value.length === 1;
        return (
          <label key={c} className="seg-check" title={last ? t('atLeastOne') : undefined}>
            <input type="checkbox" checked={on} disabled={last} onChange={() => onChange(on ? value.filter((x) => x !== c) : [...value, c])} data-testid={`${id}-${c}`} />{' '}
            {c === 'sms' ? 'SMS' : 'WhatsApp'}
          </label>
        );
      })}
    </span>
  );
}

/** Settings → Automations: birthday greetings and recall, each with its template, and who would get them this week. */
export function AutomationsSection() {
  const { t } = useTranslation(['campaigns', 'automations']);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [week, setWeek] = useState<Week | null>(null);
  const [practitioners, setPractitioners] = useState<{ id: number; name: string }[]>([]);
  const { status, run } = useSaveStatus();
  const refreshWeek = () => void desk.call('automations.week', {}).then(setWeek).catch(() => undefined);
  useEffect(() => {
    void desk.call('automations.get', {}).then(setDraft).catch(() => undefined);
    void desk.call('templates.list', {}).then((r) => setTemplates(r.items)).catch(() => undefined);
    void desk.call('practitioners.list', {}).then((r) => setPractitioners(r.practitioners)).catch(() => undefined);
    refreshWeek();
  }, []);
  if (!draft) return null;
  const b = draft.birthday;
  const r = draft.recall;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (await run(() => desk.call('automations.save', draft), t('automations.saved'))) refreshWeek();
  };
  const templateSelect = (id: string, value: number | null, onChange: (v: number | null) => void) => (
    <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
      <option value="">{t('builder.pickTemplate')}</option>
      {templates.map((tpl) => (
        <option key={tpl.id} value={tpl.id}>
          {tpl.name}
        </option>
      ))}
    </select>
  );
  const weekTable = (days: Week['birthday']) => (
    <table className="automation-week">
      <tbody>
        {days.map((d) => (
          <tr key={d.date}>
            <th scope="row">{d.date}</th>
            <td>
              {d.patients.length === 0
                ? '—'
                : d.patients.map((p) => (
                    <span key={p.id} className={p.refusal ? 'muted' : ''}>
                      {p.name}
                      {p.refusal ? ` (${t(`refusal.${p.refusal}`)})` : ` · ${p.channel === 'sms' ? 'SMS' : 'WhatsApp'}`}
                      {'; '}
                    </span>
                  ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <form onSubmit={save} data-testid="automations-form">
      <h2>{t('automations.title')}</h2>
      <p className="section-intro">{t('automations.intro')}</p>
      <div className="card">
        <h3>{t('automations.birthday')}</h3>
        <div className="form-grid">
          <FormRow id="bd-enabled" label={t('automations.enabled')}>
            <input id="bd-enabled" type="checkbox" checked={b.enabled} onChange={(e) => setDraft({ ...draft, birthday: { ...b, enabled: e.target.checked } })} />
          </FormRow>
          <FormRow id="bd-hour" label={t('automations.hour')}>
            <input id="bd-hour" type="number" min={0} max={23} value={b.hour} onChange={(e) => setDraft({ ...draft, birthday: { ...b, hour: Number(e.target.value) } })} />
          </FormRow>
          <FormRow id="bd-template" label={t('builder.template')}>
            {templateSelect('bd-template', b.templateId, (v) => setDraft({ ...draft, birthday: { ...b, templateId: v } }))}
          </FormRow>
          <span id="bd-channels-label">{t('automations:channels')}</span>
          <ChannelPicker id="bd-channels" value={b.channels} onChange={(channels) => setDraft({ ...draft, birthday: { ...b, channels } })} />
        </div>
        {week ? (
          <>
            <h4>{t('automations.week')}</h4>
            {weekTable(week.birthday)}
          </>
        ) : null}
      </div>
      <div className="card">
        <h3>{t('automations.recall')}</h3>
        <div className="form-grid">
          <FormRow id="rc-enabled" label={t('automations.enabled')}>
            <input id="rc-enabled" type="checkbox" checked={r.enabled} onChange={(e) => setDraft({ ...draft, recall: { ...r, enabled: e.target.checked } })} />
          </FormRow>
          <FormRow id="rc-months" label={t('automations.notSeenMonths')}>
            <input id="rc-months" type="number" min={1} max={60} value={r.notSeenMonths} onChange={(e) => setDraft({ ...draft, recall: { ...r, notSeenMonths: Number(e.target.value) } })} />
          </FormRow>
          <FormRow id="rc-repeat" label={t('automations.repeatMonths')}>
            <input id="rc-repeat" type="number" min={1} max={60} value={r.repeatMonths} onChange={(e) => setDraft({ ...draft, recall: { ...r, repeatMonths: Number(e.target.value) } })} />
          </FormRow>
          <span id="rc-practitioners-label">{t('automations:practitioners')}</span>
          <span className="seg-inline" role="group" aria-labelledby="rc-practitioners-label" data-testid="rc-practitioners">
            {practitioners.map((p) => {
              const on = r.practitionerIds.includes(p.id);
              return (
                <label key={p.id} className="seg-check">
                  <input
                    type="checkbox"
                    checked={on}
                    onChange={() => setDraft({ ...draft, recall: { ...r, practitionerIds: on ? r.practitionerIds.filter((x) => x !== p.id) : [...r.practitionerIds, p.id] } })}
                  />{' '}
                  {p.name}
                </label>
              );
            })}
            <small className="muted">{r.practitionerIds.length ? t('automations:somePractitioners', { count: r.practitionerIds.length }) : t('automations:everyPractitioner')}</small>
          </span>
          <FormRow id="rc-types" label={t('segment.visitTypes')}>
            <input
              id="rc-types"
              value={r.visitTypes.join(', ')}
              onChange={(e) => setDraft({ ...draft, recall: { ...r, visitTypes: e.target.value.split(',').map((x) => x.trim()).filter(Boolean) } })}
            />
          </FormRow>
          <FormRow id="rc-hour" label={t('automations.hour')}>
            <input id="rc-hour" type="number" min={0} max={23} value={r.hour} onChange={(e) => setDraft({ ...draft, recall: { ...r, hour: Number(e.target.value) } })} />
          </FormRow>
          <FormRow id="rc-template" label={t('builder.template')}>
            {templateSelect('rc-template', r.templateId, (v) => setDraft({ ...draft, recall: { ...r, templateId: v } }))}
          </FormRow>
          <span id="rc-channels-label">{t('automations:channels')}</span>
          <ChannelPicker id="rc-channels" value={r.channels} onChange={(channels) => setDraft({ ...draft, recall: { ...r, channels } })} />
        </div>
        {week ? (
          <>
            <h4>{t('automations.week')}</h4>
            {weekTable(week.recall)}
          </>
        ) : null}
      </div>
      <SaveBar label={t('automations.save')} testId="automations-save" status={status} />
    </form>
  );
}
