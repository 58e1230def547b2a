import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Response } from '../../../src-main/contract';
import type { SegmentDefinition } from '../../../src-main/contract/campaigns';
import type { TemplateSummary } from '../../../src-main/contract/templates';
import { desk } from '../../api/client';
import { CampaignReportCard } from './CampaignReportCard';
import { SegmentBuilder } from './SegmentBuilder';
import { useCampaigns } from './campaignsStore';
import { errorText } from './download';
import './campaigns.css';
import { DateTimeField } from '../../components/datetime';
import { useClinicZone } from '../../components/datetime/clinicZone';
import { fromZonedInput } from '../inbox/snoozeTimes';

type Preview = Response<'campaigns.preview'>;
const CHANNELS = ['whatsapp', 'sms'] as const;

/** Campaigns for managers: build the audience, pick a template, preview per language and channel with the cost, start or schedule; follow each campaign. */
export function CampaignsView() {
  const { t } = useTranslation('campaigns');
  const { campaigns, selected, load, select, upsert } = useCampaigns();
  const [segment, setSegment] = useState<SegmentDefinition>({ marketingConsent: true });
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [templateId, setTemplateId] = useState<number | null>(null);
  const [channels, setChannels] = useState<('whatsapp' | 'sms')[]>(['whatsapp', 'sms']);
  const [perMinute, setPerMinute] = useState(20);
  const [name, setName] = useState('');
  const [when, setWhen] = useState('');
  const zone = useClinicZone();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void load().catch((err: unknown) => setError(errorText(t, err)));
    void desk.call('templates.list', {}).then((r) => setTemplates(r.items)).catch(() => undefined);
    return desk.on('campaign.progress', upsert);
  }, [load, upsert, t]);
  useEffect(() => setPreview(null), [segment, templateId, channels, perMinute]);

  const draft = () => ({ segment, templateId: templateId!, channels, perMinute });
  const run = async (fn: () => Promise<void>) => {
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(errorText(t, err));
    }
  };
  const create = (start: boolean) =>
    run(async () => {
      const scheduledAt = !start && when ? fromZonedInput(when, zone) : null;
      let r = await desk.call('campaigns.create', { ...draft(), name: name.trim() || t('builder.untitled'), scheduledAt });
      if (start) r = await desk.call('campaigns.start', { id: r.id });
      upsert(r);
      select(r.id);
    });
  const current = campaigns.find((c) => c.id === selected) ?? null;

  return (
    <div className="campaigns" data-testid="campaigns-view">
      <nav className="campaign-list" aria-label={t('list.title')}>
        <h1>{t('title')}</h1>
        <button className={`campaign-item${selected === null ? ' active' : ''}`} onClick={() => select(null)} data-testid="campaign-new">
          + {t('list.new')}
        </button>
        {campaigns.map((c) => (
          <button key={c.id} className={`campaign-item${c.id === selected ? ' active' : ''}`} onClick={() => select(c.id)} data-testid={`campaign-item-${c.id}`}>
            <span>{c.kind === 'campaign' ? c.name : t(`kind.${c.kind}`)}</span>
            <span className="muted">
              {t(`status.${c.status}`)} · {c.recipients - c.pending}/{c.recipients}
            </span>
          </button>
        ))}
      </nav>
      <section className="campaign-body">
        {error ? (
          <p className="form-status error" role="alert">
            {error}
          </p>
        ) : null}
        {current ? (
          <CampaignReportCard report={current} />
        ) : (
          <>
            <h2>{t('builder.title')}</h2>
            <p className="section-intro">{t('builder.intro')}</p>
            <div className="card">
              <h3>{t('builder.audience')}</h3>
              <SegmentBuilder value={segment} onChange={setSegment} />
            </div>
            <div className="card">
              <h3>{t('builder.message')}</h3>
              <div className="form-grid">
                <label htmlFor="campaign-name">{t('builder.name')}</label>
                <input id="campaign-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={120} />
                <label htmlFor="campaign-template">{t('builder.template')}</label>
                <select id="campaign-template" value={templateId ?? ''} onChange={(e) => setTemplateId(e.target.value ? Number(e.target.value) : null)} data-testid="campaign-template">
                  <option value="">{t('builder.pickTemplate')}</option>
                  {templates.map((tpl) => (
                    <option key={tpl.id} value={tpl.id}>
                      {tpl.name} ({Object.keys(tpl.variants).join(', ')})
                    </option>
                  ))}
                </select>
                <span>{t('builder.channels')}</span>
                <span className="seg-inline">
                  {CHANNELS.map((c) => (
                    <label key={c} className="seg-check">
                      <input type="checkbox" checked={channels.includes(c)} onChange={() => setChannels(channels.includes(c) ? channels.filter((x) => x !== c) : [...channels, c])} />{' '}
                      {c === 'sms' ? 'SMS' : 'WhatsApp'}
                    </label>
                  ))}
                </span>
                <label htmlFor="campaign-pace">{t('builder.perMinute')}</label>
                <input id="campaign-pace" type="number" min={1} max={6000} value={perMinute} onChange={(e) => setPerMinute(Number(e.target.value) || 1)} />
              </div>
              <p className="muted">{t('builder.paceHint')}</p>
              <button className="btn" disabled={!templateId || channels.length === 0} onClick={() => void run(async () => setPreview(await desk.call('campaigns.preview', draft())))} data-testid="campaign-preview">
                {t('builder.preview')}
              </button>
            </div>
            {preview ? (
              <div className="card" data-testid="campaign-preview-result">
                <h3>{t('preview.title')}</h3>
                <table className="campaign-preview">
                  <thead>
                    <tr>
                      <th>{t('preview.language')}</th>
                      <th>{t('preview.channel')}</th>
                      <th>{t('preview.recipients')}</th>
                      <th>{t('preview.text')}</th>
                      <th>{t('preview.segments')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.lines.map((l) => (
                      <tr key={`${l.language}/${l.channel}`}>
                        <td>{l.language}</td>
                        <td>{l.channel === 'sms' ? 'SMS' : 'WhatsApp'}</td>
                        <td>{l.recipients}</td>
                        <td className="preview-text">{l.text}</td>
                        <td>{l.channel === 'sms' ? `${l.smsSegments} (${l.smsEncoding})` : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {preview.refusals.length ? (
                  <ul className="campaign-reasons">
                    {preview.refusals.map((r) => (
                      <li key={r.reason}>
                        {t(`refusal.${r.reason}`)}: {r.count}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <p data-testid="campaign-cost">
                  {t('preview.summary', { total: preview.total, sms: preview.smsMessages, segments: preview.smsSegments, minutes: preview.estimatedMinutes })}{' '}
                  {preview.estimatedCost === null ? t('preview.noPrice') : t('preview.cost', { cost: preview.estimatedCost.toFixed(2), currency: preview.currency })}
                </p>
                <div className="campaign-actions">
                  <button className="btn primary" onClick={() => void create(true)} data-testid="campaign-start-now">
                    {t('actions.startNow')}
                  </button>
                  <DateTimeField value={when} onChange={setWhen} label={t('builder.when')} testId="campaign-when" />
                  <button className="btn" disabled={!when} onClick={() => void create(false)} data-testid="campaign-schedule">
                    {t('actions.schedule')}
                  </button>
                </div>
              </div>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}
