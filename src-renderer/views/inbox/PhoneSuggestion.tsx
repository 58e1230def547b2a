import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';

export interface PhoneSuggestionDto {
  e164: string;
  display: string;
  patient: { id: number; name: string; conversationId: number | null } | null;
}

/** The suggestions of an `invalid_phone` refusal (domain/patients/phoneSuggestions.ts), or null for any other error. */
export function phoneSuggestionsOf(err: unknown): PhoneSuggestionDto[] | null {
  if (!(err instanceof ApiError)) return null;
  const d = err.details as { reason?: string; suggestions?: PhoneSuggestionDto[] } | undefined;
  return d?.reason === 'invalid_phone' ? (d.suggestions ?? []) : null;
}

/** "Not a valid number. Did you mean +48 601 234 567?" with a button per suggestion (and whose card it is on). */
export function PhoneSuggestion({ suggestions, onPick }: { suggestions: PhoneSuggestionDto[]; onPick(s: PhoneSuggestionDto): void }) {
  const { t } = useTranslation('phones');
  return (
    <div className="error" role="alert" data-testid="phone-suggestions">
      <p>{suggestions.length > 0 ? t('invalidWithSuggestion') : t('invalid')}</p>
      {suggestions.map((s) => (
        <button key={s.e164} type="button" className="tool-button" onClick={() => onPick(s)} data-testid="phone-suggestion">
          {s.patient ? t('existingPatient', { phone: s.display, name: s.patient.name }) : t('useNumber', { phone: s.display })}
        </button>
      ))}
    </div>
  );
}
