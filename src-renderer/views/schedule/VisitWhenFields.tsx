import { useTranslation } from 'react-i18next';
import { DateField, TimeField } from '../../components/datetime';

/** Day, time and length of a visit, in the clinic's 24-hour wall clock whatever the browser's locale. */
export function VisitWhenFields(props: { day: string; time: string; minutes: number; onDay(d: string): void; onTime(t: string): void; onMinutes(m: number): void; testIdPrefix?: string }) {
  const id = props.testIdPrefix ?? 'visit';
  const { t } = useTranslation('agenda');
  return (
    <div className="new-visit-row">
      <label>
        {t('newVisit.date')}
        <DateField value={props.day} onChange={props.onDay} label={t('newVisit.date')} testId={`${id}-date`} />
      </label>
      <label>
        {t('newVisit.time')}
        <TimeField value={props.time} onChange={props.onTime} label={t('newVisit.time')} testId={`${id}-time`} minuteStep={5} />
      </label>
      <label>
        {t('newVisit.minutes')}
        <input type="number" min={5} max={480} step={5} value={props.minutes} onChange={(e) => props.onMinutes(Number(e.target.value))} data-testid={`${id}-minutes`} />
      </label>
    </div>
  );
}
