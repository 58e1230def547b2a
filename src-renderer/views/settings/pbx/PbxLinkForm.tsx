import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallSettingsDto } from '../../../../src-main/contract/calls';
import { desk } from '../../../api/client';
import { formatTime } from '../../../i18n/format';
import { SaveBar, useSaveStatus } from '../../../components/SaveBar';
import { ManagerConfHint } from './ManagerConfHint';

/** The Asterisk Manager Interface (AMI) link: address, user and secret from manager.conf, and its live state. */
export function PbxLinkForm({ settings, onSaved }: { settings: CallSettingsDto; onSaved: (s: CallSettingsDto) => void }) {
  const { t } = useTranslation('calls');
  const [draft, setDraft] = useState({ ...settings.pbx, secret: '', abandon: settings.abandonWithinSeconds });
  const { status, run } = useSaveStatus();
  const state = settings.pbxState;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const saved = await desk.call('calls.saveSettings', {
        pbx: { enabled: draft.enabled, host: draft.host, port: draft.port, username: draft.username, ...(draft.secret ? { secret: draft.secret } : {}) },
        abandonWithinSeconds: draft.abandon,
      });
      onSaved(saved);
      setDraft((d) => ({ ...d, secret: '', secretSet: saved.pbx.secretSet }));
    }, t('settings.saved'));
  };

  return (
    <form onSubmit={save} className="settings-subsection card" data-testid="pbx-form">
      <h3>{t('settings.pbx.title')}</h3>
      <p className="section-intro">{t('settings.pbx.intro')}</p>
      <div className="form-grid">
        <span>{t('settings.pbx.state')}</span>
        <span>
          <span className={`pbx-state ${state.status}`} data-testid="pbx-state">
            {t(`settings.pbx.states.${state.status}`)}
            {state.nextAttemptAt ? ` · ${t('settings.pbx.retryAt', { time: formatTime(state.nextAttemptAt) })}` : ''}
          </span>
          {state.detail ? <span className="muted"> {state.detail}</span> : null}
        </span>
        <label htmlFor="pbx-enabled">{t('settings.pbx.enabled')}</label>
        <input id="pbx-enabled" type="checkbox" checked={draft.enabled} onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })} style={{ width: 'auto' }} />
        <label htmlFor="pbx-host">{t('settings.pbx.host')}</label>
        <input id="pbx-host" value={draft.host} onChange={(e) => setDraft({ ...draft, host: e.target.value })} placeholder="192.168.1.10" />
        <label htmlFor="pbx-port">{t('settings.pbx.port')}</label>
        <input id="pbx-port" type="number" min={1} max={65535} value={draft.port} onChange={(e) => setDraft({ ...draft, port: Number(e.target.value) })} />
        <label htmlFor="pbx-user">{t('settings.pbx.username')}</label>
        <input id="pbx-user" value={draft.username} onChange={(e) => setDraft({ ...draft, username: e.target.value })} autoComplete="off" />
        <label htmlFor="pbx-secret">{t('settings.pbx.secret')}</label>
        <input
          id="pbx-secret"
          type="password"
          value={draft.secret}
          onChange={(e) => setDraft({ ...draft, secret: e.target.value })}
          placeholder={draft.secretSet ? t('settings.pbx.secretKept') : ''}
          autoComplete="new-password"
        />
        <label htmlFor="pbx-abandon">{t('settings.pbx.abandon')}</label>
        <input id="pbx-abandon" type="number" min={1} max={300} value={draft.abandon} onChange={(e) => setDraft({ ...draft, abandon: Number(e.target.value) })} />
      </div>
      <ManagerConfHint username={draft.username} />
      <SaveBar label={t('settings.save')} testId="pbx-save" status={status} />
    </form>
  );
}
