import { useTranslation } from 'react-i18next';
import type { PeriodFilter } from '../stores/inboxStore';
import { locale } from '../i18n/format';
import { Icon } from './Icon';

/** A clinic date (YYYY-MM-DD) in the UI language; the date is civil, so it is formatted in UTC to stay that day. */
const day = (date: string): string =>
  new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${date}T12:00:00Z`));

/**
 * The period a statistic carried into the inbox or the call log, shown above the list with a button that removes it
 * (the list then shows every date again).
 */
export function PeriodChip({ period, onClear, testId }: { period: PeriodFilter; onClear(): void; testId: string }) {
  const { t } = useTranslation('period-filter');
  const label = period.fromDate === period.toDate ? day(period.fromDate) : t('range', { from: day(period.fromDate), to: day(period.toDate) });
  return (
    <span className="chip on period-chip" data-testid={testId}>
      <Icon name="calendar" size={13} />
      <span>{t('label', { period: label })}</span>
      <button className="chip-clear" onClick={onClear} aria-label={t('clear')} title={t('clear')} data-testid={`${testId}-clear`}>
        ×
      </button>
    </span>
  );
}
