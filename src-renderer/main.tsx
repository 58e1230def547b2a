import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { fetchSession } from './api/session';
import { browserLanguage, initI18n, lastLanguage, preloadLanguage, storedLanguage } from './i18n';
import { useApp } from './stores/appStore';
import { prefetchList } from './stores/inboxStore';
import { useSetup } from './views/setup/setupStore';
import './styles/app.css';
import './styles/components.css';

const root = createRoot(document.getElementById('root')!);

// The first paint waits for the session, the clinic's info, the setup state, the language's strings and (on the
// inbox) the first page of conversations: ask for all of them at once rather than one after the other.
const likely = storedLanguage() ?? lastLanguage();
if (likely) preloadLanguage(likely);
const info = useApp.getState().load(); // public: asked before the session is known
info.catch(() => undefined);
const onInbox = (): boolean => location.hash === '' || location.hash === '#/' || location.hash.startsWith('#/inbox');

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
  if (onInbox()) prefetchList();
  Promise.all([info, useSetup.getState().load()])
    .then(async ([appInfo]) => {
      await initI18n(appInfo.settings.uiLanguage);
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
