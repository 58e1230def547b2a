import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { fetchSession } from './api/session';
import { browserLanguage, initI18n, storedLanguage } from './i18n';
import { useApp } from './stores/appStore';
import { useSetup } from './views/setup/setupStore';
import './styles/app.css';
import './styles/components.css';

const root = createRoot(document.getElementById('root')!);

/** On a clinic with personal logins a person signs in first (browser and desktop app); an open desk goes straight in. */
async function needsSignIn(): Promise<boolean> {
  if (location.pathname.startsWith('/waiting-room') || location.hash.startsWith('#/waiting-room')) return false;
  return !(await fetchSession()).signedIn;
}

void needsSignIn()
  .catch(() => false)
  .then(async (signIn) => {
    if (!signIn) return startDesk();
    // The sign-in page is its own chunk: a signed-in desk never downloads it.
    const [{ LoginView }] = await Promise.all([import('./views/login/LoginView'), initI18n(storedLanguage() ?? browserLanguage())]);
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
  .then(async (info) => {
    await useSetup.getState().load();
    await initI18n(info.settings.uiLanguage);
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
