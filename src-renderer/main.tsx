import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { fetchSession } from './api/session';
import { browserLanguage, initI18n, storedLanguage } from './i18n';
import { LoginView } from './views/login/LoginView';
import { useApp } from './stores/appStore';
import './styles/app.css';
import './styles/components.css';

const root = createRoot(document.getElementById('root')!);

/** A browser on a clinic with personal logins signs in first; the desktop app and an open desk go straight in. */
async function needsSignIn(): Promise<boolean> {
  if (window.desk || location.pathname.startsWith('/waiting-room')) return false;
  return !(await fetchSession()).signedIn;
}

void needsSignIn()
  .catch(() => false)
  .then((signIn) => {
    if (!signIn) return startDesk();
    initI18n(storedLanguage() ?? browserLanguage());
    root.render(
      <StrictMode>
        <LoginView onSignedIn={() => location.reload()} />
      </StrictMode>,
    );
  });

function startDesk(): void {
useApp
  .getState()
  .load()
  .then((info) => {
    initI18n(info.settings.uiLanguage);
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  })
  .catch((err: Error) => {
    root.render(<div className="fatal">Clinic Desk: {err.message}</div>);
  });
}
