import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Response } from '../../../src-main/contract';
import { desk } from '../../api/client';
import '../templates/templates.css';

type Proposal = NonNullable<Response<'language.propose'>['proposal']>;

/** Proposals the receptionist said "not now" to, for this session (patient id → proposed language). */
const dismissed = new Map<number, string>();

/**
 * Under the patient's language: the language their first messages are written in (detected with `eld`)
 * and their phone's country suggest, when it differs from what is set. Nothing changes until the
 * receptionist confirms.
 */
export function LanguageProposal({ patientId, current }: { patientId: number; current: string | null }) {
  const { t } = useTranslation('templates');
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    setProposal(null);
    void desk
      .call('language.propose', { patientId })
      .then((r) => live && setProposal(r.proposal))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [patientId, current]);

  if (!proposal || (proposal.confidence === 'low' && current !== null) || proposal.language === current || dismissed.get(patientId) === proposal.language) return null;
  const name = t(`languages.${proposal.language}`, { defaultValue: proposal.language });
  const why = proposal.source === 'text' ? t('proposal.fromText') : proposal.source === 'phone' ? t('proposal.fromPhone') : t('proposal.fromBoth');
  const confirm = async () => {
    setBusy(true);
    try {
      await desk.call('patient.update', { patientId, language: proposal.language });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="lang-proposal" role="status" data-testid="language-proposal">
      <strong>{t('proposal.suggest', { language: name })}</strong>
      <span className="why">{why}</span>
      <div className="actions">
        <button className="btn primary" onClick={() => void confirm()} disabled={busy} data-testid="language-proposal-confirm">
          {t('proposal.confirm', { language: name })}
        </button>
        <button
          className="btn"
          onClick={() => {
            dismissed.set(patientId, proposal.language);
            setProposal({ ...proposal });
          }}
        >
          {t('proposal.dismiss')}
        </button>
      </div>
    </div>
  );
}
