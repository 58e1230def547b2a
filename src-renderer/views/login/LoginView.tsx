import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { signIn, SignInError } from '../../api/session';
import './login.css';

/** The sign-in page a browser sees when the clinic has personal logins and nobody is signed in. */
export function LoginView({ onSignedIn }: { onSignedIn(): void }) {
  const { t } = useTranslation('users');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(name, password);
      onSignedIn();
    } catch (err) {
      const code = err instanceof SignInError ? err.code : 'internal';
      const seconds = err instanceof SignInError ? (err.retryAfterSeconds ?? 0) : 0;
      setError(code === 'rate_limited' ? t('login.rateLimited', { seconds }) : code === 'unauthorized' ? t('login.wrong') : t('login.failed'));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <form className="card login-card" onSubmit={submit} data-testid="login-form">
        <h1>
          <span className="brand-mark">+</span> Clinic Desk
        </h1>
        <p className="muted">{t('login.intro')}</p>
        <label htmlFor="login-name">{t('login.name')}</label>
        <input id="login-name" autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} required autoFocus maxLength={80} />
        <label htmlFor="login-password">{t('login.password')}</label>
        <input id="login-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        {error ? (
          <p className="error" role="alert" data-testid="login-error">
            {error}
          </p>
        ) : null}
        <button type="submit" className="btn primary" disabled={busy} data-testid="login-submit">
          {t('login.submit')}
        </button>
      </form>
    </div>
  );
}
