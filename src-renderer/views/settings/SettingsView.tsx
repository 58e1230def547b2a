import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { useRouter } from '../../app/router';
import { settingsSections } from './sections';
import './settings.css';

/** Settings: a list of sections on the left (clinic, channels, hours…), the chosen one on the right. */
export function SettingsView({ sectionId }: { sectionId: string | null }) {
  const { t } = useTranslation('settings');
  const navigate = useRouter((s) => s.navigate);
  const section = settingsSections.find((s) => s.id === sectionId) ?? settingsSections[0]!;
  return (
    <div className="settings">
      <nav className="settings-nav" aria-label={t('title')}>
        <h1>{t('title')}</h1>
        {settingsSections.map((s) => (
          <button
            key={s.id}
            className={`settings-nav-item${s.id === section.id ? ' active' : ''}`}
            aria-current={s.id === section.id ? 'page' : undefined}
            onClick={() => navigate(`/settings/${s.id}`)}
            data-testid={`settings-nav-${s.id}`}
          >
            <Icon name={s.icon} size={16} />
            <span>{t(s.label)}</span>
          </button>
        ))}
      </nav>
      <section className="settings-body" data-testid={`settings-${section.id}`}>
        {section.render()}
      </section>
    </div>
  );
}
