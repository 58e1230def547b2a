import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallSettingsDto, ColumnMappingDto } from '../../../../src-main/contract/calls';
import { desk } from '../../../api/client';
import { SaveBar, useSaveStatus } from '../../../components/SaveBar';

const FIELDS = ['startedAt', 'direction', 'number', 'from', 'to', 'status', 'ringSeconds', 'talkSeconds', 'extension', 'note', 'id'] as const;
type Field = (typeof FIELDS)[number];

/** Generic call CSVs: which header holds what, saved once per source and picked at import time. */
export function ColumnMappingsForm({ settings, onChanged }: { settings: CallSettingsDto; onChanged: () => void }) {
  const { t } = useTranslation('calls');
  const [name, setName] = useState('');
  const [cols, setCols] = useState<Partial<Record<Field, string>>>({});
  const [dateOrder, setDateOrder] = useState<'dmy' | 'mdy' | 'ymd'>('dmy');
  const [defaultDirection, setDefaultDirection] = useState<'' | 'in' | 'out'>('');
  const { status, run } = useSaveStatus();

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const mapping: ColumnMappingDto = { startedAt: cols.startedAt ?? '', dateOrder };
    for (const f of FIELDS) if (f !== 'startedAt' && cols[f]?.trim()) mapping[f] = cols[f]!.trim();
    if (defaultDirection) mapping.defaultDirection = defaultDirection;
    const ok = await run(() => desk.call('calls.saveMapping', { sourceName: name, mapping }), t('settings.saved'));
    if (!ok) return;
    setName('');
    setCols({});
    onChanged();
  };
  const remove = async (sourceName: string) => {
    await desk.call('calls.deleteMapping', { sourceName });
    onChanged();
  };

  return (
    <form onSubmit={save} className="settings-subsection card" data-testid="mapping-form">
      <h3>{t('settings.mappings.title')}</h3>
      <p className="section-intro">{t('settings.mappings.intro')}</p>
      {settings.mappings.length > 0 ? (
        <ul className="mapping-list">
          {settings.mappings.map((m) => (
            <li key={m.sourceName}>
              <span>
                <strong>{m.sourceName}</strong>{' '}
                <span className="muted">
                  {Object.entries(m.mapping)
                    .filter(([k]) => k !== 'dateOrder' && k !== 'defaultDirection')
                    .map(([k, v]) => `${t(`settings.mappings.fields.${k}`)} ← “${String(v)}”`)
                    .join(' · ')}
                </span>
              </span>
              <button type="button" className="link-button" onClick={() => void remove(m.sourceName)}>
                {t('settings.mappings.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="form-grid">
        <label htmlFor="map-name">{t('settings.mappings.source')}</label>
        <input id="map-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} placeholder={t('settings.mappings.sourcePlaceholder')} />
        {FIELDS.map((f) => (
          <FieldRow key={f} field={f} value={cols[f] ?? ''} onChange={(v) => setCols({ ...cols, [f]: v })} />
        ))}
        <label htmlFor="map-date">{t('settings.mappings.dateOrder')}</label>
        <select id="map-date" value={dateOrder} onChange={(e) => setDateOrder(e.target.value as 'dmy' | 'mdy' | 'ymd')}>
          <option value="dmy">31/12/2026</option>
          <option value="mdy">12/31/2026</option>
          <option value="ymd">2026-12-31</option>
        </select>
        <label htmlFor="map-dir">{t('settings.mappings.defaultDirection')}</label>
        <select id="map-dir" value={defaultDirection} onChange={(e) => setDefaultDirection(e.target.value as '' | 'in' | 'out')}>
          <option value="">—</option>
          <option value="in">{t('direction.in')}</option>
          <option value="out">{t('direction.out')}</option>
        </select>
      </div>
      <SaveBar label={t('settings.mappings.save')} testId="mappings-save" status={status} />
    </form>
  );
}

function FieldRow({ field, value, onChange }: { field: Field; value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation('calls');
  return (
    <>
      <label htmlFor={`map-${field}`}>
        {t(`settings.mappings.fields.${field}`)}
        {field === 'startedAt' ? ' *' : ''}
      </label>
      <input id={`map-${field}`} value={value} onChange={(e) => onChange(e.target.value)} required={field === 'startedAt'} placeholder={t('settings.mappings.header')} />
    </>
  );
}
