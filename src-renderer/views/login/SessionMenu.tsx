import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchSession, signOut, type SessionInfo } from '../../api/session';

/** Top-bar: who is signed in on this browser, and "Sign out". Hidden in the desktop app and on an open desk. */
export function SessionMenu() {
  const { t } = useTranslation('users');
  const [session, setSession] = useState<SessionInfo | null>(null);
  useEffect(() => {
    if (window.desk) return;
    fetchSession()
      .then(setSession)
      .catch(() => setSession(null));
  }, []);
  if (!session?.user || session.openDesk) return null;
  return (
    <span className="session-menu" data-testid="session-menu">
      <span>
        {session.user.displayName ?? session.user.name} · {t(`roles.${session.user.role}`)}
      </span>
      <button
        className="btn small"
        data-testid="sign-out"
        onClick={() => {
          void signOut().then(() => location.reload());
        }}
      >
        {t('login.signOut')}
      </button>
    </span>
  );
}
