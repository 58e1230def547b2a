import { useTranslation } from 'react-i18next';
import { useApp } from '../../stores/appStore';
import { openProfile, shellCanSwitchProfile } from './profile';
import './setup.css';

/** Always says which clinic is open: the demo (practice data, simulated channels) or the real one. */
export function ProfileBanner() {
  const { t } = useTranslation('setup');
  const info = useApp((s) => s.info);
  if (!info) return null;
  const demo = info.demo;
  return (
    <div className={`profile-banner ${demo ? 'demo' : 'real'}`} data-testid="profile-banner" data-profile={demo ? 'demo' : 'real'}>
      <span>{demo ? t('banner.demo') : t('banner.real', { name: info.settings.clinicName })}</span>
      {shellCanSwitchProfile() ? (
        <button type="button" className="btn" onClick={() => void openProfile(demo ? 'real' : 'demo')} data-testid="profile-switch">
          {demo ? t('banner.openReal') : t('banner.openDemo')}
        </button>
      ) : null}
    </div>
  );
}
