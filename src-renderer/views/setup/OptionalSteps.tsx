import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { desk } from '../../api/client';
import { useRouter } from '../../app/router';
import { useSetup } from './setupStore';
import './setup.css';

const OPTIONAL = [
  { step: 'whatsapp', go: '/settings/whatsapp' },
  { step: 'sms', go: '/settings/sms' },
  { step: 'pbx', go: '/settings/phone' },
  { step: 'agenda', go: '/schedule' },
] as const;

/** The optional set-up steps with their state: "Set up now" opens the screen, "Skip" leaves it for later. */
export function OptionalSteps() {
  const { t } = useTranslation('setup');
  const status = useSetup((s) => s.status);
  const navigate = useRouter((s) => s.navigate);
  const mark = async (step: (typeof OPTIONAL)[number]['step'], state: 'done' | 'skipped' | 'pending', path?: string): Promise<void> => {
    try {
      useSetup.getState().set(await desk.call('setup.setStep', { step, state }));
    } catch {
      // Without an admin login (a shared host before signing in) the step stays as it was and shows again here.
    }
    if (path) {
      useSetup.getState().closeWizard();
      navigate(path);
    }
  };
  return (
    <ul className="setup-optional">
      {OPTIONAL.map((o) => {
        const state = status?.steps[o.step] ?? 'pending';
        return (
          <li key={o.step} data-testid={`setup-step-${o.step}`} data-state={state}>
            <div>
              <strong>{t(`optional.${o.step}.title`)}</strong>
              <div className="muted">{t(`optional.${o.step}.what`)}</div>
            </div>
            <span className={`badge step-${state}`}>{t(`optional.state.${state}`)}</span>
            <button type="button" className="btn" onClick={() => void mark(o.step, 'done', o.go)} data-testid={`setup-do-${o.step}`}>
              {t('optional.now')}
            </button>
            {state === 'pending' ? (
              <button type="button" className="btn" onClick={() => void mark(o.step, 'skipped')} data-testid={`setup-skip-${o.step}`}>
                {t('optional.skip')}
              </button>
            ) : (
              <button type="button" className="btn" onClick={() => void mark(o.step, 'pending')} data-testid={`setup-resume-${o.step}`}>
                {t('optional.resume')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Settings → Set-up steps: resume what the wizard skipped. */
export function SetupStepsSection() {
  const { t } = useTranslation('setup');
  useEffect(() => {
    void useSetup.getState().load();
  }, []);
  return (
    <div>
      <h2>{t('resume.title')}</h2>
      <p className="section-intro">{t('resume.intro')}</p>
      <div className="card">
        <OptionalSteps />
      </div>
    </div>
  );
}
