import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n } from './i18n';
import { useApp } from './stores/appStore';
import { useSetup } from './views/setup/setupStore';
import './styles/app.css';
import './styles/components.css';

const root = createRoot(document.getElementById('root')!);

useApp
  .getState()
  .load()
  .then(async (info) => {
    await useSetup.getState().load();
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
