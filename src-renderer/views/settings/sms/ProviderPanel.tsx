import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Request, Response } from '../../../../src-main/contract';
import { desk } from '../../../api/client';
import { useSms } from './smsStore';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { errorText } from '../../../i18n/errors';

export const PROVIDERS = ['smsapi', 'android', 'twilio'] as const;
export type ProviderName = (typeof PROVIDERS)[number];
type ProviderView = Response<'sms.settings'>['providers'][number];
type TestResult = Response<'sms.sendTest'>;

interface Field {
  key: string;
  secret?: boolean;
  placeholder?: string;
  type?: 'text' | 'sim' | 'inboundMode';
}

const FIELDS: Record<ProviderName, Field[]> = {
  smsapi: [
    { key: 'token', secret: true },
    { key: 'senderName', placeholder: 'Clinica' },
    { key: 'baseUrl', placeholder: 'https://api.smsapi.pl' },
    { key: 'publicUrl', placeholder: 'https://desk.clinica.it' },
  ],
  android: [
    { key: 'baseUrl', placeholder: 'http://192.168.1.50:8080' },
    { key: 'username', placeholder: 'sms' },
    { key: 'password', secret: true },
    { key: 'simNumber', type: 'sim' },
    { key: 'inboundMode', type: 'inboundMode' },
    { key: 'signingKey', secret: true },
    { key: 'publicUrl', placeholder: 'https://desk.clinica.it' },
  ],
  twilio: [
    { key: 'accountSid', placeholder: 'AC…' },
    { key: 'authToken', secret: true },
    { key: 'from', placeholder: '+39…' },
    { key: 'messagingServiceSid', placeholder: 'MG…' },
    { key: 'baseUrl', placeholder: 'https://api.twilio.com' },
    { key: 'publicUrl', placeholder: 'https://desk.clinica.it' },
  ],
};

const DEFAULTS: Record<ProviderName, Record<string, string>> = {
  smsapi: { baseUrl: 'https://api.smsapi.pl', senderName: '', publicUrl: '' },
  android: { baseUrl: '', username: 'sms', simNumber: '', inboundMode: 'polling', publicUrl: '' },
  twilio: { accountSid: '', from: '', messagingServiceSid: '', baseUrl: 'https://api.twilio.com', publicUrl: '' },
};

function initialValues(provider: ProviderName, view: ProviderView | null): Record<string, string> {
  const values: Record<string, string> = { ...DEFAULTS[provider] };
  if (view) for (const [k, v] of Object.entries(view)) if (typeof v === 'string' || typeof v === 'number') values[k] = String(v);
  return values;
}

function toInput(provider: ProviderName, values: Record<string, string>): Request<'sms.saveProvider'> {
  const out: Record<string, unknown> = { provider };
  for (const f of FIELDS[provider]) {
    const v = (values[f.key] ?? '').trim();
    if (f.secret) {
      if (v) out[f.key] = v;
    } else if (f.type === 'sim') out[f.key] = v ? Number(v) : null;
    else out[f.key] = v;
  }
  return out as Request<'sms.saveProvider'>;
}

/** One provider's settings, its webhook address and "send test SMS". */
export function ProviderPanel({ provider, view, onTest }: { provider: ProviderName; view: ProviderView | null; onTest?: (ok: boolean) => void }) {
  const { t } = useTranslation(['sms', 'sms-gateway']);
  const { saveProvider, removeProvider } = useSms();
  // The demo clinic can test a provider without saved settings: its simulated one answers.
  const demo = useSms((s) => s.view?.demo === true);
  const canTest = !!view || demo;
  const [values, setValues] = useState(() => initialValues(provider, view));
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [testTo, setTestTo] = useState('');
  const [testText, setTestText] = useState(() => t('test.defaultText'));
  const [test, setTest] = useState<TestResult | { error: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    try {
      await saveProvider(toInput(provider, values));
      setValues((v) => Object.fromEntries(Object.entries(v).filter(([k]) => !FIELDS[provider].find((f) => f.key === k)?.secret)));
      setStatus({ ok: true, text: t('saved') });
    } catch (err) {
      setStatus({ ok: false, text: errorText(err) });
    }
  };
  const sendTest = async (): Promise<void> => {
    setBusy(true);
    setTest(null);
    try {
      const result = await desk.call('sms.sendTest', { provider, to: testTo, text: testText });
      setTest(result);
      onTest?.(result.ok);
    } catch (err) {
      setTest({ error: errorText(err) });
      onTest?.(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sms-provider" data-testid={`sms-provider-${provider}`}>
      <p className="muted">{t(`provider.${provider}.help`)}</p>
      <form onSubmit={save} className="form-grid">
        {FIELDS[provider].map((f) => (
          <Row key={f.key} id={`sms-${provider}-${f.key}`} label={f.type === 'inboundMode' ? t('sms-gateway:inboundMode.label') : t(`field.${f.key}`)} top={f.type === 'inboundMode'}>
            {f.type === 'inboundMode' ? (
              <div>
                <select id={`sms-${provider}-${f.key}`} value={values[f.key] || 'polling'} onChange={(e) => setValues({ ...values, [f.key]: e.target.value })} data-testid="sms-android-inbound-mode">
                  <option value="polling">{t('sms-gateway:inboundMode.polling')}</option>
                  <option value="webhook">{t('sms-gateway:inboundMode.webhook')}</option>
                </select>
                <p className="muted" style={{ margin: '0.3rem 0 0' }} data-testid="sms-android-inbound-hint">
                  {values[f.key] === 'webhook' ? t('sms-gateway:inboundMode.webhookHint') : t('sms-gateway:inboundMode.pollingHint')}
                </p>
              </div>
            ) : f.type === 'sim' ? (
              <select id={`sms-${provider}-${f.key}`} value={values[f.key] ?? ''} onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}>
                <option value="">{t('field.simDefault')}</option>
                <option value="1">SIM 1</option>
                <option value="2">SIM 2</option>
              </select>
            ) : (
              <input
                id={`sms-${provider}-${f.key}`}
                type={f.secret ? 'password' : 'text'}
                autoComplete="off"
                value={values[f.key] ?? ''}
                placeholder={f.secret ? (view?.secretsSet.includes(f.key) ? t('field.secretKept') : t('field.secretNeeded')) : f.placeholder}
                onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
              />
            )}
          </Row>
        ))}
        <span />
        <div className="form-actions tight">
          <button type="submit" className="btn primary" data-testid={`sms-save-${provider}`}>
            {t('save')}
          </button>
          {view ? (
            <button type="button" className="btn danger" onClick={() => setConfirmRemove(true)} data-testid={`sms-remove-${provider}`}>
              {t('remove')}
            </button>
          ) : null}
          {status ? <span className={`form-status ${status.ok ? 'ok' : 'error'}`} role="status">{status.text}</span> : null}
        </div>
      </form>
      {confirmRemove ? (
        <ConfirmDialog
          title={t('desk:confirm.removeProviderTitle', { provider: t(`provider.${provider}.name`) })}
          consequence={t('desk:confirm.removeProviderConsequence')}
          confirmLabel={t('remove')}
          onConfirm={() => void removeProvider(provider).catch(() => {})}
          onClose={() => setConfirmRemove(false)}
          testId="confirm-remove-provider"
        />
      ) : null}

      {view ? (
        <div className="sms-webhook">
          <h4>{t('webhook.title')}</h4>
          <code data-testid={`sms-webhook-${provider}`}>{view.webhookUrl ?? view.webhookPath}</code>
          <p className="muted">{view.webhookUrl ? t(`provider.${provider}.webhookHelp`) : t('webhook.noPublicUrl')}</p>
        </div>
      ) : null}

      <div className="sms-test">
        <h4>{t('test.title')}</h4>
        <div className="sms-test-row">
          <input aria-label={t('test.to')} placeholder={t('test.to')} value={testTo} onChange={(e) => setTestTo(e.target.value)} data-testid="sms-test-to" />
          <input aria-label={t('test.text')} value={testText} onChange={(e) => setTestText(e.target.value)} />
          <button className="btn" disabled={!canTest || busy || !testTo.trim()} onClick={() => void sendTest()} data-testid="sms-test-send">
            {busy ? t('test.sending') : t('test.send')}
          </button>
        </div>
        {!canTest ? <p className="muted">{t('test.saveFirst')}</p> : null}
        {test ? (
          <p className={`form-status ${'ok' in test && test.ok ? 'ok' : 'error'}`} role="status" data-testid="sms-test-result">
            {'error' in test ? test.error : test.ok ? t('test.accepted', { id: test.providerId }) : `${t(`failure.${test.code}`, { defaultValue: test.code ?? '' })} — ${test.reason}`}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function Row({ id, label, children, top = false }: { id: string; label: string; children: React.ReactNode; top?: boolean }) {
  return (
    <>
      {/* A field with a hint under it keeps its label level with the field, not with the middle of the hint. */}
      <label htmlFor={id} style={top ? { alignSelf: 'start', paddingTop: '0.45rem' } : undefined}>
        {label}
      </label>
      {children}
    </>
  );
}
