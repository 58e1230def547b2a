import { useTranslation } from 'react-i18next';
import type { StatsReport } from '../../../src-main/contract/stats';
import type { StatsTable } from '../../../src-main/domain/stats/statsTables';
import { downloadTable } from './csvExport';

/** A titled block of the screen with a CSV button for each table it shows. */
export function Section({ id, report, csv, children }: { id: string; report: StatsReport; csv: StatsTable['id'][]; children: React.ReactNode }) {
  const { t } = useTranslation('stats');
  return (
    <section className="stats-section" data-testid={`stats-${id}`} aria-labelledby={`stats-h-${id}`}>
      <header>
        <h2 id={`stats-h-${id}`}>{t(`section.${id}`)}</h2>
        <span className="csv-buttons">
          {csv.map((table) => (
            <button key={table} className="btn small" onClick={() => downloadTable(report, table)} data-testid={`csv-${table}`} title={t('csvHint', { table: t(`table.${table}`) })}>
              CSV{csv.length > 1 ? ` · ${t(`table.${table}`)}` : ''}
            </button>
          ))}
        </span>
      </header>
      {children}
    </section>
  );
}
