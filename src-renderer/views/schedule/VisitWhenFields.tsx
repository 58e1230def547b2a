import { useTranslation } from 'react-i18next';

/**
 * Day, time and length of a visit. Native inputs for now: the desk's locale-aware date/time picker
 * replaces the two inputs here (and only here) when it lands.
 */
export function VisitWhenFields(props: { day: string; time: string; minutes: number; onDay(d: string): void; onTime(t: string): void; onMinutes(m: number): void; testIdPrefix?: string }) {
  const id = props.testIdPrefix ?? 'visit';
  const { t } = useTranslation('agenda');
  return (
    <div className="new-visit-row">
      <label>
        {t('newVisit.date')}
        <input type="date" required value={props.day} onChange={(e) => props.onDay(e.target.value)} data-testid={`${id}-date`} />
      </label>
      <label>
        {t('newVisit.time')}
        <input type="time" required value={props.time} step={300} onChange={(e) => props.onTime(e.target.value)} data-testid={`${id}-time`} />
      </label>
      <label>
        {t('newVisit.minutes')}
        <input type="number" min={5} max={480} step={5} value={props.minutes} onChange={(e) => props.onMinutes(Number(e.target.value))} data-testid={`${id}-minutes`} />
      </label>
    </div>
  );
}
