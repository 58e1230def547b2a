import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallSettingsDto } from '../../../../src-main/contract/calls';
import { desk } from '../../../api/client';
import '../../calls/calls.css';
import { CdrForm } from './CdrForm';
import { ColumnMappingsForm } from './ColumnMappingsForm';
import { PbxLinkForm } from './PbxLinkForm';
import { TextBackForm } from './TextBackForm';

/** Settings → Phone system: the live Asterisk link, the text-back rules, the column mappings of generic call CSVs. */
export function PhoneSystemSection() {
  const { t } = useTranslation('calls');
  const [settings, setSettings] = useState<CallSettingsDto | null>(null);

  useEffect(() => {
    void desk.call('calls.settings', {}).then(setSettings);
    return desk.on('calls.pbxState', (pbxState) => setSettings((s) => (s ? { ...s, pbxState } : s)));
  }, []);
  if (!settings) return null;

  return (
    <div data-testid="phone-settings">
      <h2>{t('settings.title')}</h2>
      <p className="section-intro">{t('settings.intro')}</p>
      <PbxLinkForm settings={settings} onSaved={setSettings} />
      <CdrForm settings={settings} onSaved={setSettings} />
      <TextBackForm settings={settings} onSaved={setSettings} />
      <ColumnMappingsForm settings={settings} onChanged={() => void desk.call('calls.settings', {}).then(setSettings)} />
    </div>
  );
}
