import i18next from 'i18next';
import type { StatsReport } from '../../../src-main/contract/stats';
import { statsTables, toCsv, type StatsTable } from '../../../src-main/domain/stats/statsTables';

/** Downloads one table of the report as CSV, its headers in the UI language (the same tables as `clinic-desk stats --csv`). */
export function downloadTable(report: StatsReport, id: StatsTable['id']): void {
  const table = statsTables(report).find((t) => t.id === id);
  if (!table) return;
  const header = table.columns.map((c) => (i18next.exists(`stats:col.${c}`) ? i18next.t(`stats:col.${c}`) : c));
  // A BOM so that Excel opens accented names (Łukasz, Niccolò) in UTF-8.
  const blob = new Blob(['\ufeff', toCsv(header, table.rows)], { type: 'text/csv;charset=utf-8' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `clinic-desk-${id}-${report.period.from}${report.period.to !== report.period.from ? `_${report.period.to}` : ''}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
