import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../src-main/contract/appointments';

/**
 * The import's names that match no practitioner, each with a "will be created" checkbox: a typo in the
 * file never becomes a new doctor unless the desk ticks it. Ticking re-runs the preview with the new list.
 */
export function NewPractitioners(props: { list: ImportSummary['newPractitioners']; checked: readonly string[]; disabled: boolean; onChange(names: string[]): void }) {
  const { t } = useTranslation('practitioners-import');
  const toggle = (name: string, on: boolean): void => props.onChange(on ? [...props.checked, name] : props.checked.filter((n) => n !== name));
  return (
    <fieldset className="import-new-practitioners" data-testid="import-new-practitioners">
      <legend>{t('title')}</legend>
      <p className="muted">{t('hint')}</p>
      <ul>
        {props.list.map((p) => (
          <li key={p.name}>
            <label>
              <input type="checkbox" checked={props.checked.includes(p.name)} disabled={props.disabled} onChange={(e) => toggle(p.name, e.target.checked)} data-testid="import-create-practitioner" />{' '}
              <b>{p.name}</b> — {t('willBeCreated')} <span className="muted">({t('lines', { count: p.lines.length, lines: p.lines.join(', ') })})</span>
              {p.similarTo ? <span className="import-similar"> · {t('similar', { name: p.similarTo })}</span> : null}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
