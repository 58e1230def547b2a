import { useTranslation } from 'react-i18next';
import { useRouter } from '../app/router';
import { shownError } from '../i18n/errors';

/** Reasons whose cure is a column mapping (Settings → Phone system). */
const MAPPING_REASONS = new Set(['calls.mappingRequired', 'calls.mappingUnknown', 'calls.mappingIncomplete', 'calls.unknownFormat', 'calls.notMasterCsv']);

/** What the receptionist can do about an error, from its reason and params. */
export function errorActions(reason: string | null, params: Record<string, string | number | null>): Array<'openPatient' | 'merge' | 'columnMapping'> {
  if (!reason) return [];
  if ((reason === 'patient.numberTaken' || reason === 'patient.merged') && typeof params.conversationId === 'number') {
    return reason === 'patient.numberTaken' ? ['openPatient', 'merge'] : ['openPatient'];
  }
  return MAPPING_REASONS.has(reason) ? ['columnMapping'] : [];
}

/**
 * An error in the desk's language with the action that cures it, where there is one: open the patient
 * who already owns the number, merge the two records (when the caller can: `onMerge`), go to the column
 * mappings. `error` is what an API call threw, or `{ reason, params, message }` of an import row.
 */
export function ErrorNotice(props: {
  error: unknown;
  testId?: string;
  className?: string;
  /** Offered when the error names another patient and merging makes sense here (a patient card). */
  onMerge?(patientId: number): void;
  /** Called before an action leaves this place (a dialog closes itself). */
  onLeave?(): void;
}) {
  const { t } = useTranslation('errors');
  const navigate = useRouter((s) => s.navigate);
  const e = shownError(props.error);
  const actions = errorActions(e.reason, e.params).filter((a) => a !== 'merge' || props.onMerge);
  const go = (path: string): void => {
    props.onLeave?.();
    navigate(path);
  };
  return (
    <div className={`error error-notice ${props.className ?? ''}`} role="alert" data-testid={props.testId ?? 'error-notice'} data-reason={e.reason ?? undefined} title={e.detail}>
      <span>{e.text}</span>
      {actions.map((a) =>
        a === 'openPatient' ? (
          <button key={a} type="button" className="link-button" onClick={() => go(`/inbox/${String(e.params.conversationId)}`)} data-testid="error-open-patient">
            {t('action.openPatient', { name: e.params.name ?? '' })}
          </button>
        ) : a === 'merge' ? (
          <button key={a} type="button" className="link-button" onClick={() => props.onMerge?.(Number(e.params.patientId))} data-testid="error-merge">
            {t('action.merge')}
          </button>
        ) : (
          <button key={a} type="button" className="link-button" onClick={() => go('/settings/phone')} data-testid="error-column-mapping">
            {t('action.columnMapping')}
          </button>
        ),
      )}
    </div>
  );
}
