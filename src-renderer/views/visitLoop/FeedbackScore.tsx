import { useTranslation } from 'react-i18next';

/** The patient's 1–5 feedback on a past visit, on the patient card; low scores stand out. */
export function FeedbackScore({ score }: { score: number | null }) {
  const { t } = useTranslation('reminders');
  if (score === null) return null;
  return (
    <span className={`feedback-score${score <= 3 ? ' low' : ''}`} title={t('feedback.title')} data-testid="feedback-score">
      {' · '}★ {score}/5
    </span>
  );
}
