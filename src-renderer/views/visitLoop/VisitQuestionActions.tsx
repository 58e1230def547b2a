import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, desk } from '../../api/client';

/**
 * One click on an answer the desk must read ("sì ma posso venire alle 11?"): confirm or cancel the visits the
 * reminder asked about. Shown on the timeline line the reply service wrote (meta.visitQuestion).
 */
export function VisitQuestionActions({ meta }: { meta: Record<string, unknown> | null }) {
  const { t } = useTranslation('reminders');
  const [state, setState] = useState<'idle' | 'busy' | 'confirmed' | 'cancelled'>('idle');
  const [error, setError] = useState<string | null>(null);
  const q = meta?.visitQuestion as { id?: number } | undefined;
  if (!q?.id) return null;
  const resolve = async (answer: 'confirm' | 'cancel'): Promise<void> => {
    setState('busy');
    try {
      await desk.call('visitLoop.resolve', { visitMessageId: q.id!, answer });
      setState(answer === 'confirm' ? 'confirmed' : 'cancelled');
    } catch (e) {
      setState('idle');
      setError(e instanceof ApiError && e.code === 'conflict' ? t('answer.already') : e instanceof Error ? e.message : String(e));
    }
  };
  if (state === 'confirmed' || state === 'cancelled') return <span className="muted" data-testid="visit-question-done">{t(`answer.${state}`)}</span>;
  return (
    <span className="visit-question-actions" data-testid="visit-question-actions">
      <button className="secondary small" disabled={state === 'busy'} onClick={() => void resolve('confirm')} data-testid="visit-question-confirm">
        {t('answer.confirm')}
      </button>
      <button className="secondary small" disabled={state === 'busy'} onClick={() => void resolve('cancel')} data-testid="visit-question-cancel">
        {t('answer.cancel')}
      </button>
      {error ? <span className="error">{error}</span> : null}
    </span>
  );
}
