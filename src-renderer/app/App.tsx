import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { UndoToast } from '../components/UndoToast';
import { UI_LANGUAGES, setUiLanguage, type UiLanguage } from '../i18n';
import { useApp } from '../stores/appStore';
import { IncomingCallPopup } from '../views/calls/IncomingCallPopup';
import { SessionMenu } from '../views/login/SessionMenu';
import { ProfileBanner } from '../views/setup/ProfileBanner';
import { useSetup } from '../views/setup/setupStore';
import { useEndOfDaySummary } from '../views/stats/endOfDaySummary';
import { mayOpen, useDeskRole } from './deskRole';
import { pathParts, useRouter } from './router';
import { routes } from './routes';

/** First run only: its own chunk, so a configured desk never downloads the wizard. */
const SetupWizard = lazy(() => import('../views/setup/SetupWizard').then((m) => ({ default: m.SetupWizard })));

const LANGUAGE_NAMES: Record<UiLanguage, string> = { it: 'Italiano', pl: 'Polski', en: 'English' };

export function App() {
  const { t, i18n } = useTranslation();
  const path = useRouter((s) => s.path);
  const navigate = useRouter((s) => s.navigate);
  const info = useApp((s) => s.info);
  const connection = useApp((s) => s.connection);
  const role = useDeskRole();
  useEndOfDaySummary();
  const [segment = 'inbox', ...rest] = pathParts(path);
  const route = routes.find((r) => r.segment === segment && mayOpen(r.role, role)) ?? routes[0]!;
  const setup = useSetup((s) => s.status);
  const wizardOpen = useSetup((s) => s.wizardOpen);

  if (route.bare) return <Suspense fallback={null}>{route.render(rest)}</Suspense>;
  // First run: no clinic in this data folder yet (issue 16).
  if (setup && (!setup.configured || wizardOpen)) return <Suspense fallback={null}><SetupWizard /></Suspense>;

  return (
    <div className="shell">
      <nav className="rail" aria-label={t('nav.label')}>
        <div className="brand" title="Clinic Desk">
          <span className="brand-mark">+</span>
        </div>
        {routes
          .filter((r) => !r.hidden && mayOpen(r.role, role))
          .map((r) => (
            <button
              key={r.segment}
              className={`rail-item${r.segment === route.segment ? ' active' : ''}`}
              onClick={() => navigate(`/${r.segment}`)}
              aria-current={r.segment === route.segment ? 'page' : undefined}
              data-testid={`nav-${r.segment}`}
            >
              <Icon name={r.icon} size={20} />
              <span>{t(r.label)}</span>
            </button>
          ))}
      </nav>
      <div className="workspace">
        <header className="topbar">
          <div className="clinic-name">
            {info?.settings.clinicName}
            {info?.demo ? <span className="badge demo">{t('app.demo')}</span> : null}
            <ProfileBanner />
          </div>
          <div className="topbar-right">
            <SessionMenu />
            {connection !== 'online' ? (
              <span className={`connection ${connection}`} role="status">
                {t(`app.connection.${connection}`)}
              </span>
            ) : null}
            <label className="lang-picker">
              <Icon name="globe" size={16} />
              <span className="sr-only">{t('app.language')}</span>
              <select value={i18n.language} onChange={(e) => void setUiLanguage(e.target.value as UiLanguage)} data-testid="ui-language">
                {UI_LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {LANGUAGE_NAMES[l]}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </header>
        <main className="content">
          <Suspense fallback={<div className="muted route-loading" />}>{route.render(rest)}</Suspense>
        </main>
        <IncomingCallPopup />
        <UndoToast />
      </div>
    </div>
  );
}
