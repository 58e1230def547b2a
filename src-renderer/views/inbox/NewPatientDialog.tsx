import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desk, isConnected } from '../../api/client';
import { useRouter } from '../../app/router';
import { Icon } from '../../components/Icon';
import { LanguageSelect } from '../../components/LanguageSelect';
import { Dialog } from '../../components/Dialog';
import { PhoneSuggestion, phoneSuggestionsOf, type PhoneSuggestionDto } from './PhoneSuggestion';
import { ErrorNotice } from '../../components/ErrorNotice';

/** A patient from a number nobody knows yet (a caller, a paper form): creates the record and opens their conversation. */
export function NewPatientDialog({ onClose, phone: initialPhone = '' }: { onClose(): void; phone?: string }) {
  const { t } = useTranslation('inbox');
  const navigate = useRouter((s) => s.navigate);
  const [phone, setPhone] = useState(initialPhone);
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [language, setLanguage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [suggestions, setSuggestions] = useState<PhoneSuggestionDto[] | null>(null);
  /** The host is down: say so now rather than queue a patient that would appear after the dialog is gone. */
  const [offline, setOffline] = useState(false);
  const [busy, setBusy] = useState(false);

  const create = async (): Promise<void> => {
    setError(null);
    setSuggestions(null);
    setOffline(!isConnected());
    if (!isConnected()) return;
    setBusy(true);
    try {
      const { conversationId } = await desk.call('patient.create', { phone, firstName, lastName, language: language || null });
      onClose();
      navigate(`/inbox/${conversationId}`);
    } catch (err) {
      const proposed = phoneSuggestionsOf(err);
      if (proposed) setSuggestions(proposed);
      else setError(err ?? new Error('failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('newPatient.title')} onClose={onClose} testId="new-patient-dialog">
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label>
          {t('newPatient.phone')}
          <input autoFocus value={phone} onChange={(e) => setPhone(e.target.value)} placeholder="+48 601 234 567" data-testid="new-patient-phone" />
        </label>
        <div className="form-pair">
          <label>
            {t('patient.firstName')}
            <input value={firstName} onChange={(e) => setFirstName(e.target.value)} data-testid="new-patient-first" />
          </label>
          <label>
            {t('patient.lastName')}
            <input value={lastName} onChange={(e) => setLastName(e.target.value)} data-testid="new-patient-last" />
          </label>
        </div>
        <label>
          {t('patient.language')}
          <LanguageSelect value={language} onChange={setLanguage} allowEmpty />
        </label>
        {suggestions ? (
          <PhoneSuggestion
            suggestions={suggestions}
            onPick={(s) => {
              // A number already on a card: open that patient instead of creating a twin.
              if (s.patient?.conversationId) {
                onClose();
                navigate(`/inbox/${s.patient.conversationId}`);
              } else {
                setPhone(s.display);
                setSuggestions(null);
              }
            }}
          />
        ) : null}
        {offline ? (
          <p className="error" role="alert" data-testid="new-patient-error">
            {t('errors:code.offline')}
          </p>
        ) : error ? (
          <ErrorNotice error={error} testId="new-patient-error" onLeave={onClose} />
        ) : null}
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" className="tool-button" onClick={onClose}>
            {t('desk:dialog.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!phone.trim() || busy} data-testid="new-patient-create">
            <Icon name="userPlus" size={15} /> {t('newPatient.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
