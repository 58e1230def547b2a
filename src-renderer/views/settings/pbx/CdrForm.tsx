import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallSettingsDto } from '../../../../src-main/contract/calls';
import { desk } from '../../../api/client';
import { SaveBar, useSaveStatus } from '../../../components/SaveBar';

/** How the PBX writes its call records: Master.csv time base (cdr.conf usegmtime), trunk names, the desks' extensions. */
export function CdrForm({ settings, onSaved }: { settings: CallSettingsDto; onSaved: (s: CallSettingsDto) => void }) {
  const { t } = useTranslation('pbxrecords');
  const [draft, setDraft] = useState({ timeBase: settings.cdr.timeBase, trunks: settings.cdr.trunkPatterns.join(', '), desks: settings.cdr.deskExtensions });
  const { status, run } = useSaveStatus();

  const save = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const trunkPatterns = draft.trunks.split(/[,\s]+/).filter((p) => p !== '');
      onSaved(await desk.call('calls.saveSettings', { cdr: { timeBase: draft.timeBase, trunkPatterns, deskExtensions: draft.desks } }));
    }, t('saved'));
  };

  return (
    <form onSubmit={save} className="settings-subsection card" data-testid="cdr-form">
      <h3>{t('title')}</h3>
      <p className="section-intro">{t('intro')}</p>
      <div className="form-grid">
        <label htmlFor="cdr-time-base">{t('timeBase.label')}</label>
        <select id="cdr-time-base" value={draft.timeBase} onChange={(e) => setDraft({ ...draft, timeBase: e.target.value === 'utc' ? 'utc' : 'local' })}>
          <option value="local">{t('timeBase.local')}</option>
          <option value="utc">{t('timeBase.utc')}</option>
        </select>
        <span />
        <span className="muted">{t('timeBase.hint')}</span>
        <label htmlFor="cdr-trunks">{t('trunks.label')}</label>
        <input id="cdr-trunks" value={draft.trunks} placeholder="SIP/211553, PJSIP/eolo*" onChange={(e) => setDraft({ ...draft, trunks: e.target.value })} />
        <span />
        <span className="muted">{t('trunks.hint')}</span>
        <label htmlFor="cdr-desks">{t('desks.label')}</label>
        <input id="cdr-desks" value={draft.desks} placeholder="100-399" onChange={(e) => setDraft({ ...draft, desks: e.target.value })} />
        <span />
        <span className="muted">{t('desks.hint')}</span>
      </div>
      <SaveBar label={t('save')} testId="cdr-save" status={status} />
    </form>
  );
}
