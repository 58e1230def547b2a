import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentDefinition } from '../../../src-main/contract/campaigns';
import { desk } from '../../api/client';
import { serverNow } from '../../api/serverClock';
import { DateField } from '../../components/datetime';
import { clinicDay } from '../../i18n/format';

const SEXES = ['f', 'm', 'x'] as const;
const LANGS = ['it', 'pl', 'en', 'de', 'fr', 'es', 'uk'] as const;

/** The audience, criterion by criterion, with the live count of matching patients under it. */
export function SegmentBuilder({ value, onChange }: { value: SegmentDefinition; onChange(v: SegmentDefinition): void }) {
  const { t } = useTranslation('campaigns');
  const [count, setCount] = useState<number | null>(null);
  const [practitioners, setPractitioners] = useState<{ id: number; name: string }[]>([]);
  const [saved, setSaved] = useState<{ id: number; name: string; definition: SegmentDefinition }[]>([]);
  const [saveName, setSaveName] = useState('');
  useEffect(() => {
    void desk.call('practitioners.list', {}).then((r) => setPractitioners(r.practitioners)).catch(() => undefined);
    void desk.call('segments.list', {}).then((r) => setSaved(r.segments)).catch(() => undefined);
  }, []);
  const saveSegment = async () => {
    const existing = saved.find((x) => x.name === saveName.trim());
    const r = await desk.call('segments.save', { ...(existing ? { id: existing.id } : {}), name: saveName.trim(), definition: value });
    setSaved([...saved.filter((x) => x.id !== r.id), r].sort((a, b) => a.name.localeCompare(b.name)));
  };
  // Count as the manager types, but only after a short pause: one query per intention, not per keystroke.
  useEffect(() => {
    const timer = setTimeout(() => {
      void desk.call('segments.count', { definition: value }).then((r) => setCount(r.count)).catch(() => setCount(null));
    }, 250);
    return () => clearTimeout(timer);
  }, [value]);

  const set = (patch: Partial<SegmentDefinition>) => {
    const next: Record<string, unknown> = { ...value, ...patch };
    for (const [k, v] of Object.entries(next)) if (v === undefined || (Array.isArray(v) && v.length === 0)) delete next[k];
    onChange(next as SegmentDefinition);
  };
  const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
  const toggle = <T,>(list: readonly T[] | undefined, item: T): T[] => (list?.includes(item) ? list.filter((x) => x !== item) : [...(list ?? []), item]);

  return (
    <div className="segment-builder" data-testid="segment-builder">
      <div className="seg-saved">
        <select
          aria-label={t('segment.saved')}
          value=""
          onChange={(e) => {
            const s = saved.find((x) => x.id === Number(e.target.value));
            if (!s) return;
            onChange(s.definition);
            setSaveName(s.name);
          }}
        >
          <option value="">{t('segment.useSaved')}</option>
          {saved.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
        <input value={saveName} onChange={(e) => setSaveName(e.target.value)} placeholder={t('segment.saveName')} aria-label={t('segment.saveName')} maxLength={80} />
        <button type="button" className="btn small" disabled={!saveName.trim()} onClick={() => void saveSegment().catch(() => undefined)} data-testid="segment-save">
          {t('segment.save')}
        </button>
      </div>
      <div className="form-grid">
        <label htmlFor="seg-age-min">{t('segment.age')}</label>
        <span className="seg-inline">
          <input id="seg-age-min" type="number" min={0} max={120} value={value.ageMin ?? ''} onChange={(e) => set({ ageMin: num(e.target.value) })} aria-label={t('segment.ageMin')} />
          <span>–</span>
          <input type="number" min={0} max={120} value={value.ageMax ?? ''} onChange={(e) => set({ ageMax: num(e.target.value) })} aria-label={t('segment.ageMax')} />
        </span>
        <span>{t('segment.sex')}</span>
        <span className="seg-inline">
          {SEXES.map((s) => (
            <label key={s} className="seg-check">
              <input type="checkbox" checked={value.sex?.includes(s) ?? false} onChange={() => set({ sex: toggle(value.sex, s) })} /> {t(`segment.sexes.${s}`)}
            </label>
          ))}
        </span>
        <span>{t('segment.language')}</span>
        <span className="seg-inline">
          {LANGS.map((l) => (
            <label key={l} className="seg-check">
              <input type="checkbox" checked={value.languages?.includes(l) ?? false} onChange={() => set({ languages: toggle(value.languages, l) })} /> {l}
            </label>
          ))}
        </span>
        <label htmlFor="seg-tags">{t('segment.tags')}</label>
        <input id="seg-tags" value={(value.tags ?? []).join(', ')} placeholder={t('segment.tagsHint')} onChange={(e) => set({ tags: e.target.value.split(',').map((x) => x.trim()).filter(Boolean) })} />
        <span>{t('segment.practitioner')}</span>
        <span className="seg-inline">
          {practitioners.map((p) => (
            <label key={p.id} className="seg-check">
              <input type="checkbox" checked={value.practitionerIds?.includes(p.id) ?? false} onChange={() => set({ practitionerIds: toggle(value.practitionerIds, p.id) })} /> {p.name}
            </label>
          ))}
        </span>
        <label htmlFor="seg-types">{t('segment.visitTypes')}</label>
        <input id="seg-types" value={(value.visitTypes ?? []).join(', ')} onChange={(e) => set({ visitTypes: e.target.value.split(',').map((x) => x.trim()).filter(Boolean) })} />
        <label htmlFor="seg-visits-min">{t('segment.visitsInPeriod')}</label>
        <span className="seg-inline">
          <input
            id="seg-visits-min"
            type="number"
            min={1}
            value={value.visitsInPeriod?.min ?? ''}
            aria-label={t('segment.visitsMin')}
            onChange={(e) => {
              const min = num(e.target.value);
              set({ visitsInPeriod: min ? { min, from: value.visitsInPeriod?.from ?? monthsAgo(2), to: value.visitsInPeriod?.to ?? today() } : undefined });
            }}
          />
          {value.visitsInPeriod ? (
            <>
              <DateField value={value.visitsInPeriod.from} label={t('segment.from')} onChange={(v) => set({ visitsInPeriod: { ...value.visitsInPeriod!, from: v } })} />
              <DateField value={value.visitsInPeriod.to} label={t('segment.to')} onChange={(v) => set({ visitsInPeriod: { ...value.visitsInPeriod!, to: v } })} />
            </>
          ) : null}
        </span>
        <span>{t('segment.lastVisitBefore')}</span>
        <DateField value={value.lastVisitBefore ?? ''} label={t('segment.lastVisitBefore')} onChange={(v) => set({ lastVisitBefore: v || undefined })} testId="seg-last" />
        <label htmlFor="seg-next">{t('segment.nextVisit')}</label>
        <select id="seg-next" value={value.nextVisit ?? ''} onChange={(e) => set({ nextVisit: (e.target.value || undefined) as SegmentDefinition['nextVisit'] })}>
          <option value="">{t('segment.any')}</option>
          <option value="exists">{t('segment.nextExists')}</option>
          <option value="none">{t('segment.nextNone')}</option>
        </select>
        <label htmlFor="seg-channel">{t('segment.channelConsent')}</label>
        <select id="seg-channel" value={value.channelConsent ?? ''} onChange={(e) => set({ channelConsent: (e.target.value || undefined) as SegmentDefinition['channelConsent'] })}>
          <option value="">{t('segment.any')}</option>
          <option value="whatsapp">WhatsApp</option>
          <option value="sms">SMS</option>
          <option value="any">{t('segment.anyChannel')}</option>
        </select>
        <label htmlFor="seg-marketing">{t('segment.marketingConsent')}</label>
        <select
          id="seg-marketing"
          value={value.marketingConsent === undefined ? '' : String(value.marketingConsent)}
          onChange={(e) => set({ marketingConsent: e.target.value === '' ? undefined : e.target.value === 'true' })}
        >
          <option value="">{t('segment.any')}</option>
          <option value="true">{t('segment.granted')}</option>
          <option value="false">{t('segment.notGranted')}</option>
        </select>
      </div>
      <p className="segment-count" role="status" data-testid="segment-count">
        {count === null ? t('segment.counting') : t('segment.count', { count })}
      </p>
    </div>
  );
}

// Defaults in the clinic's calendar (the UTC day differs from Rome's or Warsaw's after midnight).
const today = () => clinicDay(serverNow());
const monthsAgo = (n: number) => {
  const d = new Date(`${today()}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 10);
};
