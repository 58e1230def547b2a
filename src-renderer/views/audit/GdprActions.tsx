import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desk } from '../../api/client';
import { mayOpen, useDeskRole } from '../../app/deskRole';
import { Dialog } from '../../components/Dialog';
import { downloadFile, errorText } from '../campaigns/download';

/** On the patient card, for admins: export everything about the patient, or erase them (typed confirmation). */
export function GdprActions({ patientId, name }: { patientId: number; name: string }) {
  const { t } = useTranslation('gdpr');
  const role = useDeskRole();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const word = t('erase.word');
  const exportData = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const r = await desk.call('gdpr.exportPatient', { patientId });
      downloadFile(r.fileName, { base64: r.zipBase64 });
      setMessage({ ok: true, text: t('export.done', { file: r.fileName }) });
    } catch (err) {
      setMessage({ ok: false, text: errorText(t, err) });
    } finally {
      setBusy(false);
    }
  };
  const erase = async () => {
    setBusy(true);
    try {
      const r = await desk.call('gdpr.erasePatient', { patientId, confirm: true });
      setConfirming(false);
      setMessage({ ok: true, text: t('erase.done', { messages: r.rows.messages ?? 0, files: r.mediaFilesRemoved }) });
    } catch (err) {
      setMessage({ ok: false, text: errorText(t, err) });
    } finally {
      setBusy(false);
    }
  };
  // The host refuses these to anyone but an admin; the card does not offer them either.
  if (!mayOpen('admin', role)) return null;
  return (
    <div className="gdpr-actions" data-testid="gdpr-actions">
      <button className="btn small" disabled={busy} onClick={() => void exportData()} data-testid="gdpr-export">
        {t('export.button')}
      </button>
      <button className="btn small danger" disabled={busy} onClick={() => (setTyped(''), setConfirming(true))} data-testid="gdpr-erase">
        {t('erase.button')}
      </button>
      {message ? (
        <p className={`form-status ${message.ok ? 'ok' : 'error'}`} role="status">
          {message.text}
        </p>
      ) : null}
      {confirming ? (
        <Dialog
          title={t('erase.title', { name })}
          onClose={() => setConfirming(false)}
          testId="gdpr-erase-dialog"
          footer={
            <>
              <button className="btn" onClick={() => setConfirming(false)}>
                {t('erase.keep')}
              </button>
              <button className="btn danger" disabled={busy || typed.trim().toLowerCase() !== word.toLowerCase()} onClick={() => void erase()} data-testid="gdpr-erase-confirm">
                {t('erase.confirm')}
              </button>
            </>
          }
        >
          <p>{t('erase.explain')}</p>
          <p className="muted">{t('erase.backups')}</p>
          <label>
            {t('erase.type', { word })}
            <input value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="gdpr-erase-word" autoFocus />
          </label>
        </Dialog>
      ) : null}
    </div>
  );
}
