import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { VISIT_TEXT_KINDS } from '../../../../src-main/contract/visitLoop';
import { typicalSegments } from '../../../../src-main/domain/visitLoop/typicalSegments';
import { SaveBar, useSaveStatus } from '../../../components/SaveBar';
import type { VisitLoopSettings } from './VisitLoopSection';

const BASE_LANGUAGES = ['it', 'pl', 'en'];
const VARIABLES = ['patient.first_name', 'clinic.name', 'appointment.list', 'appointment.date', 'appointment.time', 'appointment.practitioner', 'clinic.review_url'];

/**
 * The visit-loop texts per kind and language, each with its SMS cost filled with typical values (the same
 * count the server applies: a text above the clinic's segment limit is refused at save, with the count).
 */
export function TextsForm(props: { settings: VisitLoopSettings; canEdit: boolean; transliterate: boolean; maxSegments: number; onSave(next: VisitLoopSettings): Promise<void> }) {
  const { t } = useTranslation('visit-loop-settings');
  const [texts, setTexts] = useState(props.settings.texts);
  const status = useSaveStatus();
  useEffect(() => setTexts(props.settings.texts), [props.settings]);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    // An emptied variant is dropped: the patient then gets the clinic's language (never an empty message).
    const cleaned = Object.fromEntries(
      Object.entries(texts).map(([kind, byLang]) => [kind, Object.fromEntries(Object.entries(byLang ?? {}).filter(([, body]) => body.trim() !== ''))]),
    ) as VisitLoopSettings['texts'];
    void status.run(() => props.onSave({ ...props.settings, texts: cleaned }), t('saved'));
  };

  return (
    <form className="card visit-texts" onSubmit={submit} data-testid="visit-loop-texts">
      <h3>{t('texts.title')}</h3>
      <p className="muted">
        {t('texts.help', { max: props.maxSegments })} {VARIABLES.map((v) => <code key={v}>{`{{${v}}}`} </code>)}
      </p>
      <fieldset disabled={!props.canEdit}>
        {VISIT_TEXT_KINDS.map((kind) => {
          const byLang = texts[kind] ?? {};
          const languages = [...new Set([...BASE_LANGUAGES, ...Object.keys(byLang)])];
          return (
            <details key={kind} className="visit-text-kind" data-testid={`texts-${kind}`}>
              <summary>{t(`texts.kind.${kind}`)}</summary>
              {languages.map((lang) => {
                const body = byLang[lang] ?? '';
                const segments = body ? typicalSegments(body, props.transliterate) : 0;
                const over = segments > props.maxSegments;
                return (
                  <label key={lang} className="visit-text">
                    <span className="visit-text-lang">{lang.toUpperCase()}</span>
                    <textarea rows={2} value={body} maxLength={1000} onChange={(e) => setTexts({ ...texts, [kind]: { ...byLang, [lang]: e.target.value } })} data-testid={`text-${kind}-${lang}`} />
                    <span className={`visit-text-count${over ? ' over' : ''}`} data-testid={`count-${kind}-${lang}`} aria-live="polite">
                      {body ? t('texts.segments', { count: segments }) : t('texts.empty')}
                      {over ? ` · ${t('texts.over', { max: props.maxSegments })}` : ''}
                    </span>
                  </label>
                );
              })}
            </details>
          );
        })}
      </fieldset>
      {props.canEdit ? <SaveBar label={t('save')} testId="visit-loop-texts-save" status={status.status} /> : null}
    </form>
  );
}
