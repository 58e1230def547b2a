import { useTranslation } from 'react-i18next';

/** Languages a patient (or the clinic's default) can be written to in; canned replies exist per language. */
export const PATIENT_LANGUAGES = ['it', 'pl', 'en', 'de', 'fr', 'es', 'uk'] as const;

/** One select for a patient's or the clinic's language, named in the interface language. */
export function LanguageSelect(props: { value: string; onChange(value: string): void; allowEmpty?: boolean; id?: string; testId?: string; ariaLabel?: string }) {
  const { t } = useTranslation('ui');
  return (
    <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId} aria-label={props.ariaLabel}>
      {props.allowEmpty ? <option value="">—</option> : null}
      {PATIENT_LANGUAGES.map((l) => (
        <option key={l} value={l}>
          {t(`languages.${l}`)}
        </option>
      ))}
    </select>
  );
}
