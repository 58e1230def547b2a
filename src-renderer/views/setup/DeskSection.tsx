import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormRow, FormStatus, type SaveStatus } from '../../components/SaveBar';
import { reasonText } from '../../i18n/errors';
import { type ShellUpdates } from './updateStatus';
import { UpdatesCard } from './UpdatesCard';
import './setup.css';

interface ShellState {
  profile: 'real' | 'demo';
  startAtLogin: boolean;
  sharing: string | null;
  sharePort: number;
  mainDesk: { url: string; user: string; state: string } | null;
  configFile: string;
  updates: ShellUpdates | null;
}

const shell = (request: { action: string; [k: string]: unknown }): Promise<unknown> => window.desk!.shell!(request);
type ShellError = { code: string; message: string; reason?: string; params?: Record<string, string | number | null> };
/** The shell's error in the desk's language: its reason (e.g. errors-desk:shareNeedsAdmin) or its code's generic text. */
const failed = (r: unknown): string | null => {
  const e = r && typeof r === 'object' && 'error' in r ? (r as { error?: ShellError }).error : undefined;
  return e ? reasonText(e, e.code) : null;
};

/**
 * Settings → This desk (desktop app only): start at login, "Share this desk on the network" (the host runs
 * inside this desk's backend), "Connect to the main desk" (address + login), and "Copy diagnostics".
 */
export function DeskSection() {
  const { t } = useTranslation('setup');
  const [state, setState] = useState<ShellState | null>(null);
  const [status, setStatus] = useState<SaveStatus>(null);
  const [port, setPort] = useState(4780);
  const [url, setUrl] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const desktop = Boolean(window.desk?.shell);
  const reload = async (): Promise<void> => {
    const s = (await shell({ action: 'state' })) as ShellState;
    setState(s);
    setPort(s.sharePort);
  };
  useEffect(() => {
    if (desktop) void reload();
  }, [desktop]);

  if (!desktop) {
    return (
      <div>
        <h2>{t('desk.title')}</h2>
        <p className="section-intro">{t('desk.browser')}</p>
      </div>
    );
  }
  if (!state) return null;

  const act = async (request: { action: string; [k: string]: unknown }, ok: string): Promise<void> => {
    const r = await shell(request);
    const err = failed(r);
    setStatus(err ? { ok: false, text: err } : { ok: true, text: ok });
    if (!err) await reload();
  };
  const connect = (e: FormEvent): void => {
    e.preventDefault();
    void act({ action: 'connect', url, user, password, fingerprint }, t('desk.connected'));
  };

  return (
    <div>
      <h2>{t('desk.title')}</h2>
      <p className="section-intro">{t('desk.intro')}</p>
      <div className="card">
        <label>
          <input type="checkbox" checked={state.startAtLogin} onChange={(e) => void act({ action: 'startAtLogin', value: e.target.checked }, t('desk.saved'))} data-testid="desk-start-at-login" /> {t('desk.startAtLogin')}
        </label>
      </div>
      {state.mainDesk ? (
        <div className="card">
          <h3>{t('desk.connectTitle')}</h3>
          <p>{t('desk.connectedTo', { url: state.mainDesk.url, user: state.mainDesk.user })}</p>
          <button type="button" className="btn" onClick={() => void act({ action: 'disconnect' }, t('desk.saved'))}>
            {t('desk.disconnect')}
          </button>
        </div>
      ) : (
        <>
          <div className="card">
            <h3>{t('desk.shareTitle')}</h3>
            <p className="muted">{t('desk.shareWhat')}</p>
            <div className="form-grid">
              <FormRow id="desk-port" label={t('desk.port')}>
                <input id="desk-port" type="number" min={1} max={65535} value={port} onChange={(e) => setPort(Number(e.target.value))} />
              </FormRow>
            </div>
            <div className="form-actions">
              {state.sharing ? (
                <button type="button" className="btn" onClick={() => void act({ action: 'share', enabled: false }, t('desk.saved'))} data-testid="desk-share-off">
                  {t('desk.stopSharing')}
                </button>
              ) : (
                <button type="button" className="btn primary" onClick={() => void act({ action: 'share', enabled: true, port }, t('desk.saved'))} data-testid="desk-share-on">
                  {t('desk.share')}
                </button>
              )}
              {state.sharing ? <span>{t('desk.sharingAt', { url: state.sharing })}</span> : null}
            </div>
          </div>
          <form className="card" onSubmit={connect}>
            <h3>{t('desk.connectTitle')}</h3>
            <p className="muted">{t('desk.connectWhat')}</p>
            <div className="form-grid">
              <FormRow id="desk-url" label={t('desk.address')}>
                <input id="desk-url" type="url" placeholder="https://192.168.1.20:4780" value={url} onChange={(e) => setUrl(e.target.value)} required />
              </FormRow>
              <FormRow id="desk-user" label={t('desk.user')}>
                <input id="desk-user" value={user} onChange={(e) => setUser(e.target.value)} required autoComplete="username" />
              </FormRow>
              <FormRow id="desk-password" label={t('desk.password')}>
                <input id="desk-password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="current-password" />
              </FormRow>
              <FormRow id="desk-fingerprint" label={t('desk-tls:fingerprint')}>
                <input id="desk-fingerprint" value={fingerprint} onChange={(e) => setFingerprint(e.target.value)} placeholder="AB:CD:…" spellCheck={false} aria-describedby="desk-fingerprint-help" />
              </FormRow>
              <p id="desk-fingerprint-help" className="muted">
                {t('desk-tls:fingerprintHelp')}
              </p>
            </div>
            <div className="form-actions">
              <button type="submit" className="btn primary">
                {t('desk.connect')}
              </button>
            </div>
          </form>
        </>
      )}
      <UpdatesCard initial={state.updates ?? null} />
      <div className="card">
        <h3>{t('desk.diagnosticsTitle')}</h3>
        <p className="muted">{t('desk.diagnosticsWhat', { file: state.configFile })}</p>
        <button type="button" className="btn" onClick={() => void act({ action: 'copyDiagnostics' }, t('desk.copied'))} data-testid="desk-copy-diagnostics">
          {t('desk.copyDiagnostics')}
        </button>
      </div>
      <FormStatus status={status} />
    </div>
  );
}
