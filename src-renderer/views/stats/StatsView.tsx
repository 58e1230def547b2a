import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ContactsTable, DelaysTable, OptionalFigures, RepliesTable, SmsTable } from './DetailTables';
import { FigureTable } from './FigureTable';
import { PHONE, RESPONSIVENESS, VISITS } from './figures';
import { PeriodPicker } from './PeriodPicker';
import { PrintReport } from './PrintReport';
import { Section } from './Section';
import { Heatmap, TrendChart } from './StatsCharts';
import { EndOfDayToggle } from './endOfDaySummary';
import { useStats } from './statsStore';
import './stats.css';

/** The manager's figures for a day, week, month or range, against the period before (manager and admin only). */
export default function StatsView({ day }: { day: string | null }) {
  const { t } = useTranslation('stats');
  const { result, loading, error, load, setDate } = useStats();

  useEffect(() => {
    if (day && /^\d{4}-\d{2}-\d{2}$/.test(day)) setDate(day);
    else void load();
  }, [day, load, setDate]);

  const current = result?.current;
  const previous = result?.previous ?? null;
  return (
    <div className="stats-view" data-testid="stats-view" aria-busy={loading}>
      <header className="stats-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('subtitle')}</p>
        </div>
        <div className="stats-actions">
          <EndOfDayToggle />
          <button className="btn" onClick={() => window.print()} disabled={!current} data-testid="stats-print-button" title={t('print.hint')}>
            {current?.period.kind === 'day' ? t('print.day') : t('print.period')}
          </button>
        </div>
      </header>
      <PeriodPicker />
      {error ? (
        <p className="error" role="alert">
          {t('error', { message: error })}
        </p>
      ) : null}
      {current ? (
        <div className="stats-grid">
          <Section id="contacts" report={current} csv={['contacts']}>
            <ContactsTable current={current} previous={previous} />
          </Section>
          <Section id="responsiveness" report={current} csv={['responsiveness', 'replies']}>
            <FigureTable figures={RESPONSIVENESS} current={current} previous={previous} />
            <h3>{t('repliesByAuthor')}</h3>
            <RepliesTable report={current} />
          </Section>
          <Section id="phone" report={current} csv={['phone']}>
            <FigureTable figures={PHONE} current={current} previous={previous} />
          </Section>
          <Section id="visits" report={current} csv={current.optional.length ? ['visits', 'delays', 'optional'] : ['visits', 'delays']}>
            <FigureTable figures={VISITS} current={current} previous={previous} />
            <h3>{t('delaysByPractitioner')}</h3>
            <DelaysTable report={current} />
            <OptionalFigures report={current} />
          </Section>
          <Section id="heatmap" report={current} csv={['heatmap']}>
            <Heatmap report={current} />
          </Section>
          <Section id="trend" report={current} csv={['daily']}>
            <TrendChart report={current} />
          </Section>
          <Section id="sms" report={current} csv={['sms']}>
            <SmsTable report={current} />
          </Section>
        </div>
      ) : null}
      {current ? <PrintReport report={current} previous={previous} /> : null}
    </div>
  );
}
