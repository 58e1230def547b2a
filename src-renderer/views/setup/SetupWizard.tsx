import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, desk } from '../../api/client';
import { signIn } from '../../api/session';
import { useRouter } from '../../app/router';
import { Dialog } from '../../components/Dialog';
import { FormRow, FormStatus, type SaveStatus } from '../../components/SaveBar';
import { setUiLanguage } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { useApp } from '../../stores/appStore';
import { openProfile, shellCanSwitchProfile } from './profile';
import { OptionalSteps } from './OptionalSteps';
import { useSetup } from './setupStore';
import { COUNTRIES, PATIENT_LANGUAGES, TIME_ZONES, WEEKDAYS, initialDraft, toRequest, withCountry, type WizardDraft } from './wizardModel';
import './setup.css';
import { TimeField } from '../../components/datetime';

const STEPS = ['welcome', 'clinic', 'admin', 'hours', 'practitioners', 'optional'] as const;
type Step = (typeof STEPS)[number];

/**
 * First run: from an empty data folder to a real clinic (name, country, time zone, languages, the first
 * admin, opening hours, practitioners), then optional channel steps that can be skipped and resumed
 * from Settings. "Try the demo clinic" opens the separate demo profile instead.
 */
/** Resolves when the socket is back (or after a few seconds: a page whose socket stayed open goes on too). */
function reconnected(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, 6_000);
    const off = desk.onConnectionRestored(done);
    function done(): void {
      clearTimeout(timer);
      off();
      resolve();
    }
  });
}

export function SetupWizard() {
  const { t, i18n } = useTranslation('setup');
  const [step, setStep] = useState<Step>('welcome');
  const [draft, setDraft] = useState<WizardDraft>(() => initialDraft((['it', 'pl', 'en'].includes(i18n.language) ? i18n.language : 'en') as WizardDraft['uiLanguage']));
  const [status, setStatus] = useState<SaveStatus>(null);
  const [busy, setBusy] = useState(false);
  const setupStatus = useSetup((s) => s.status);
  const navigate = useRouter((s) => s.navigate);
  const index = STEPS.indexOf(step);
  const set = <K extends keyof WizardDraft>(key: K, value: WizardDraft[K]): void => setDraft((d) => ({ ...d, [key]: value }));
  const go = (s: Step): void => {
    setStatus(null);
    setStep(s);
  };

  const create = async (): Promise<void> => {
    setBusy(true);
    try {
      const next = await desk.call('setup.createClinic', toRequest(draft));
      // In a browser the desk stops being open now (the host closes this page's socket): sign the new
      // admin in and wait for the page to reconnect with their login, so the optional steps' first calls
      // do not go out on the socket that is closing.
      if (!window.desk) {
        const back = reconnected();
        await signIn(toRequest(draft).admin.name, draft.password);
        await back;
      }
      useSetup.getState().set(next);
      await useApp.getState().load();
      void setUiLanguage(draft.uiLanguage);
      go('optional');
    } catch (err) {
      const field = err instanceof ApiError ? err.field : undefined;
      setStatus({ ok: false, text: errorText(err) });
      // Send the person back to the step that holds the field at fault.
      if (field?.startsWith('admin')) setStep('admin');
      else if (field === 'clinicName' || field === 'timeZone' || field === 'country') setStep('clinic');
      else if (field?.startsWith('weekly') || field?.startsWith('businessHours')) setStep('hours');
    } finally {
      setBusy(false);
    }
  };

  const openDesk = (): void => {
    useSetup.getState().closeWizard();
    navigate('/inbox');
  };

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (step === 'admin' && draft.password !== draft.passwordAgain) {
      setStatus({ ok: false, text: t('admin.mismatch') });
      return;
    }
    if (step === 'practitioners') void create();
    else go(STEPS[index + 1]!);
  };

  if (step === 'welcome') {
    return (
      <div className="setup-page" data-testid="setup-wizard">
        <Dialog title={t('welcome.title')} subtitle={t('welcome.subtitle')} onClose={() => undefined} testId="setup-welcome"
          footer={
            <>
              <button type="button" className="btn primary" onClick={() => go('clinic')} data-testid="setup-start" autoFocus>
                {t('welcome.start')}
              </button>
              <button type="button" className="btn" onClick={() => void openProfile('demo')} disabled={!shellCanSwitchProfile()} data-testid="setup-try-demo">
                {t('welcome.demo')}
              </button>
            </>
          }
        >
          <div className="setup-body">
            <p>{t('welcome.what')}</p>
            <p className="muted">{shellCanSwitchProfile() ? t('welcome.demoHint') : t('welcome.demoHintBrowser')}</p>
          </div>
        </Dialog>
      </div>
    );
  }

  if (step === 'optional') {
    return (
      <div className="setup-page" data-testid="setup-wizard">
        <Dialog title={t('optional.title', { name: setupStatus?.clinicName ?? draft.clinicName })} subtitle={t('optional.subtitle')} onClose={openDesk} testId="setup-optional" size="wide"
          footer={
            <button type="button" className="btn primary" onClick={openDesk} data-testid="setup-open-desk">
              {t('optional.openDesk')}
            </button>
          }
        >
          <OptionalSteps />
          <p className="muted setup-body">{t('optional.later')}</p>
        </Dialog>
      </div>
    );
  }

  const body: Record<Exclude<Step, 'welcome' | 'optional'>, ReactNode> = {
    clinic: (
      <div className="form-grid">
        <FormRow id="setup-name" label={t('clinic.name')}>
          <input id="setup-name" value={draft.clinicName} onChange={(e) => set('clinicName', e.target.value)} required maxLength={120} autoFocus data-testid="setup-clinic-name" />
        </FormRow>
        <FormRow id="setup-country" label={t('clinic.country')} hint={t('clinic.countryHint')}>
          <select id="setup-country" value={draft.country} onChange={(e) => setDraft((d) => withCountry(d, e.target.value))} data-testid="setup-country">
            {COUNTRIES.map((c) => (
              <option key={c.code} value={c.code}>
                {t(`countries.${c.code}`)}
              </option>
            ))}
          </select>
        </FormRow>
        <FormRow id="setup-tz" label={t('clinic.timeZone')}>
          <select id="setup-tz" value={draft.timeZone} onChange={(e) => set('timeZone', e.target.value)} data-testid="setup-tz">
            {TIME_ZONES.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </FormRow>
        <FormRow id="setup-languages" label={t('clinic.languages')} hint={t('clinic.languagesHint')}>
          <div className="setup-languages" id="setup-languages">
            {PATIENT_LANGUAGES.map((l) => (
              <label key={l}>
                <input
                  type="checkbox"
                  checked={draft.languages.includes(l)}
                  onChange={(e) => set('languages', e.target.checked ? [...draft.languages, l] : draft.languages.filter((x) => x !== l))}
                  data-testid={`setup-language-${l}`}
                />
                {t(`ui:languages.${l}`)}
              </label>
            ))}
          </div>
        </FormRow>
        <FormRow id="setup-ui" label={t('clinic.uiLanguage')}>
          <select id="setup-ui" value={draft.uiLanguage} onChange={(e) => set('uiLanguage', e.target.value as WizardDraft['uiLanguage'])}>
            <option value="it">Italiano</option>
            <option value="pl">Polski</option>
            <option value="en">English</option>
          </select>
        </FormRow>
      </div>
    ),
    admin: (
      <div className="form-grid">
        <FormRow id="setup-admin" label={t('admin.name')} hint={t('admin.nameHint')}>
          <input id="setup-admin" value={draft.adminName} onChange={(e) => set('adminName', e.target.value)} required maxLength={80} autoFocus autoComplete="username" data-testid="setup-admin-name" />
        </FormRow>
        <FormRow id="setup-admin-display" label={t('admin.displayName')}>
          <input id="setup-admin-display" value={draft.adminDisplayName} onChange={(e) => set('adminDisplayName', e.target.value)} maxLength={120} />
        </FormRow>
        <FormRow id="setup-password" label={t('admin.password')} hint={t('admin.passwordHint')}>
          <input id="setup-password" type="password" value={draft.password} onChange={(e) => set('password', e.target.value)} required minLength={10} autoComplete="new-password" data-testid="setup-password" />
        </FormRow>
        <FormRow id="setup-password2" label={t('admin.again')}>
          <input id="setup-password2" type="password" value={draft.passwordAgain} onChange={(e) => set('passwordAgain', e.target.value)} required autoComplete="new-password" data-testid="setup-password-again" />
        </FormRow>
      </div>
    ),
    hours: (
      <table className="setup-hours">
        <tbody>
          {WEEKDAYS.map((w) => (
            <tr key={w}>
              <th scope="row">{t(`days.${w}`)}</th>
              <td>
                <label>
                  <input type="checkbox" checked={draft.hours[w].open} onChange={(e) => set('hours', { ...draft.hours, [w]: { ...draft.hours[w], open: e.target.checked } })} data-testid={`setup-open-${w}`} />
                  {t('hours.open')}
                </label>
              </td>
              <td>
                <TimeField label={t('hours.from', { day: t(`days.${w}`) })} value={draft.hours[w].from} disabled={!draft.hours[w].open} onChange={(v) => set('hours', { ...draft.hours, [w]: { ...draft.hours[w], from: v } })} />
                {' – '}
                <TimeField label={t('hours.to', { day: t(`days.${w}`) })} value={draft.hours[w].to} disabled={!draft.hours[w].open} onChange={(v) => set('hours', { ...draft.hours, [w]: { ...draft.hours[w], to: v } })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    ),
    practitioners: (
      <div className="setup-practitioners">
        {draft.practitioners.map((p, i) => (
          <div className="setup-practitioner" key={i}>
            <input aria-label={t('practitioners.name')} placeholder={t('practitioners.name')} value={p.name} onChange={(e) => set('practitioners', draft.practitioners.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} data-testid={`setup-practitioner-${i}`} autoFocus={i === draft.practitioners.length - 1} />
            <input aria-label={t('practitioners.room')} placeholder={t('practitioners.room')} value={p.room} onChange={(e) => set('practitioners', draft.practitioners.map((x, j) => (j === i ? { ...x, room: e.target.value } : x)))} />
            <label className="muted">
              <input type="number" min={5} max={240} step={5} value={p.visitMinutes} onChange={(e) => set('practitioners', draft.practitioners.map((x, j) => (j === i ? { ...x, visitMinutes: Number(e.target.value) } : x)))} aria-label={t('practitioners.minutes')} />
              {t('practitioners.min')}
            </label>
            <button type="button" className="btn" onClick={() => set('practitioners', draft.practitioners.filter((_, j) => j !== i))} aria-label={t('practitioners.remove')}>
              ×
            </button>
          </div>
        ))}
        <button type="button" className="btn" onClick={() => set('practitioners', [...draft.practitioners, { name: '', room: '', visitMinutes: 30 }])} data-testid="setup-add-practitioner">
          {t('practitioners.add')}
        </button>
        <p className="muted">{t('practitioners.later')}</p>
      </div>
    ),
  };

  return (
    <div className="setup-page" data-testid="setup-wizard">
      <form onSubmit={submit}>
        <Dialog
          title={t(`${step}.title`)}
          subtitle={t('progress', { n: index, total: STEPS.length - 2 })}
          onClose={() => go('welcome')}
          testId={`setup-${step}`}
          size="wide"
          footer={
            <>
              <button type="submit" className="btn primary" disabled={busy} data-testid="setup-next">
                {step === 'practitioners' ? t('create') : t('next')}
              </button>
              <button type="button" className="btn" onClick={() => go(STEPS[index - 1]!)} data-testid="setup-back">
                {t('back')}
              </button>
              <FormStatus status={status} />
            </>
          }
        >
          <div className="setup-body">
            <p className="section-intro">{t(`${step}.intro`)}</p>
            {body[step]}
          </div>
        </Dialog>
      </form>
    </div>
  );
}
