import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/datetime';

/** Civil-date arithmetic on YYYY-MM-DD (no time zone involved). */
export function shiftDay(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/** Previous / today / next and a date picker over the agenda's day. */
export function AgendaNav(props: { day: string; isToday: boolean; onDay(day: string | null): void }) {
  const { t } = useTranslation('agenda');
  return (
    <div className="agenda-nav" data-testid="agenda-nav">
      <button className="secondary" onClick={() => props.onDay(shiftDay(props.day, -1))} aria-label={t('nav.previous')} title={t('nav.previous')} data-testid="agenda-prev">
        ‹
      </button>
      <button className="secondary" onClick={() => props.onDay(null)} disabled={props.isToday} data-testid="agenda-today">
        {t('nav.today')}
      </button>
      <button className="secondary" onClick={() => props.onDay(shiftDay(props.day, 1))} aria-label={t('nav.next')} title={t('nav.next')} data-testid="agenda-next">
        ›
      </button>
      <DateField value={props.day} label={t('nav.date')} onChange={(v) => v && props.onDay(v)} testId="agenda-date" />
    </div>
  );
}
