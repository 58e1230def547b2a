import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Response } from '../../../../src-main/contract';
import type { visitLoopSettings } from '../../../../src-main/contract/visitLoop';
import { desk } from '../../../api/client';
import { mayOpen, useDeskRole } from '../../../app/deskRole';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { OptOutPanel } from '../../settings/sms/OptOutPanel';
import { CatalogPanel } from './CatalogPanel';
import { RulesForm } from './RulesForm';
import { TextsForm } from './TextsForm';
import './visitLoopSettings.css';

export type VisitLoopSettings = z.infer<typeof visitLoopSettings>;

/**
 * Settings → Visit loop: rooms and visit types, the notices on/off, reminder and feedback rules, the sending
 * and reply windows, the STOP words and the texts per language with their SMS cost. Managers and admins edit;
 * a receptionist reads.
 */
export function VisitLoopSection() {
  const { t } = useTranslation('visit-loop-settings');
  const canEdit = mayOpen('manager', useDeskRole());
  const [settings, setSettings] = useState<VisitLoopSettings | null>(null);
  const [sms, setSms] = useState<Response<'sms.settings'> | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    Promise.all([desk.call('visitLoop.settings', {}), desk.call('sms.settings', {})])
      .then(([v, s]) => {
        setSettings(v);
        setSms(s);
      })
      .catch(setError);
  }, []);

  if (error && !settings) return <ErrorNotice error={error} />;
  if (!settings || !sms) return null;
  /** Saves the whole settings object with one part changed; the server refuses an over-long text with its count. */
  const save = async (next: VisitLoopSettings): Promise<void> => setSettings(await desk.call('visitLoop.saveSettings', next));

  return (
    <div className="visit-loop-settings" data-testid="visit-loop-settings">
      <h2>{t('title')}</h2>
      <p className="section-intro">{t('intro')}</p>
      {canEdit ? null : <p className="muted" data-testid="visit-loop-readonly">{t('readOnly')}</p>}
      <CatalogPanel canEdit={canEdit} />
      <RulesForm settings={settings} canEdit={canEdit} onSave={save} />
      <TextsForm settings={settings} canEdit={canEdit} transliterate={sms.general.transliterate} maxSegments={sms.general.maxSegments} onSave={save} />
      <OptOutPanel general={sms.general} onSave={async (c) => setSms(await desk.call('sms.updateSettings', c))} />
    </div>
  );
}
