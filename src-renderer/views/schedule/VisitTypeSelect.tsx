import { useTranslation } from 'react-i18next';
import type { VisitType } from '../../../src-main/contract/agenda';

/**
 * The clinic's visit types (Settings → Visit loop). Choosing one proposes its usual length; a type the visit
 * already has that is no longer in the list (imported, or removed since) stays shown and chosen.
 */
export function VisitTypeSelect(props: { value: string; types: VisitType[]; onChange(name: string): void; onMinutes(m: number): void; testId: string }) {
  const { t } = useTranslation('agenda');
  const { value, types } = props;
  return (
    <select
      value={value}
      onChange={(e) => {
        props.onChange(e.target.value);
        const known = types.find((x) => x.name === e.target.value);
        if (known) props.onMinutes(known.minutes);
      }}
      data-testid={props.testId}
    >
      <option value="">{t('edit.noType')}</option>
      {types.map((x) => (
        <option key={x.id} value={x.name}>
          {x.name}
        </option>
      ))}
      {value && !types.some((x) => x.name === value) ? <option value={value}>{value}</option> : null}
    </select>
  );
}
