import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Response } from '../../../src-main/contract';
import { desk } from '../../api/client';
import { useRouter } from '../../app/router';
import { errorText } from '../../i18n/errors';
import { SmsSetupStep } from './SmsSetupStep';
import { useSetup } from './setupStore';
import './setup.css';

/** Where "Set up now" leads; the SMS step opens in place (provider + test SMS), the others on their screen. */
const OPTIONAL = [
  { step: 'whatsapp', go: '/settings/whatsapp' },
  { step: 'sms', go: null },
  { step: 'pbx', go: '/settings/phone' },
  { step: 'agenda', go: '/schedule' },
] as const;
type Step = (typeof OPTIONAL)[number]['step'];
type Facts = Response<'setup.status'>['facts'];

/** One line saying what was really done, for a step that is done. */
function useFactText(): (step: Step, facts: Facts) => string {
  const { t, i18n } = useTranslation('setup');
  return (step, f) => {
    if (step === 'whatsapp') return t('optional.fact.whatsapp', { phone: f.whatsappPhone || '—' });
    if (step === 'sms' && f.smsTest) {
      const when = new Date(f.smsTest.at).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' });
      return t(f.smsTest.simulated ? 'optional.fact.smsSimulated' : 'optional.fact.sms', { provider: t(`sms:provider.${f.smsTest.provider}.name`), when });
    }
    if (step === 'pbx') return t(f.pbx === 'ami' ? 'optional.fact.pbxAmi' : 'optional.fact.pbxImport');
    return t('optional.fact.agenda');
  };
}

/**
 * The optional set-up steps with their real state. "Set up now" only opens the step: a step is done when
 * the desk sees it succeeded (WhatsApp linked, a test SMS accepted, a PBX link or call import, an agenda
 * import). "Skip" leaves it for later; a skipped step is taken up again here or in Settings → Set-up steps.
 */
export function OptionalSteps() {
  const { t } = useTranslation('setup');
  const status = useSetup((s) => s.status);
  const navigate = useRouter((s) => s.navigate);
  const [smsOpen, setSmsOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const factText = useFactText();

  const choose = async (step: Step, state: 'skipped' | 'pending'): Promise<void> => {
    setError(null);
    try {
      useSetup.getState().set(await desk.call('setup.setStep', { step, state }));
    } catch (err) {
      // E.g. a shared host before an admin signed in: the step stays as it was, and the reason shows.
      setError(errorText(err));
    }
  };
  const open = (o: (typeof OPTIONAL)[number]): void => {
    if (!o.go) {
      setSmsOpen(true);
      return;
    }
    useSetup.getState().closeWizard();
    navigate(o.go);
  };

  if (smsOpen) return <SmsSetupStep onClose={() => setSmsOpen(false)} />;
  return (
    <>
      <ul className="setup-optional">
        {OPTIONAL.map((o) => {
          const state = status?.steps[o.step] ?? 'pending';
          return (
            <li key={o.step} data-testid={`setup-step-${o.step}`} data-state={state}>
              <div>
                <strong>{t(`optional.${o.step}.title`)}</strong>
                <div className="muted">{t(`optional.${o.step}.what`)}</div>
                <div className={`setup-step-hint step-${state}`} data-testid={`setup-hint-${o.step}`}>
                  {state === 'done' && status ? factText(o.step, status.facts) : t(`optional.hint.${state}`)}
                </div>
              </div>
              <span className={`badge step-${state}`}>{t(`optional.state.${state}`)}</span>
              <button type="button" className="btn" onClick={() => open(o)} data-testid={`setup-do-${o.step}`}>
                {state === 'done' ? t('optional.change') : t('optional.now')}
              </button>
              {state === 'pending' ? (
                <button type="button" className="btn" onClick={() => void choose(o.step, 'skipped')} data-testid={`setup-skip-${o.step}`}>
                  {t('optional.skip')}
                </button>
              ) : state === 'skipped' ? (
                <button type="button" className="btn" onClick={() => void choose(o.step, 'pending')} data-testid={`setup-resume-${o.step}`}>
                  {t('optional.resume')}
                </button>
              ) : (
                <span />
              )}
            </li>
          );
        })}
      </ul>
      {error ? (
        <p className="form-status error setup-body" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** Settings → Set-up steps: what is done, what was skipped, and the way back into each step. */
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
