import { createApp } from '../../app/createApp';
import { resolveDataDir } from '../../host/dataDir';
import type { StatsResult } from '../../contract/stats';
import { reportCsv, statsTables, type Cell } from '../../domain/stats/statsTables';
import { DeskError } from '../../domain/shared/errors';
import { dataOption, type Command } from '../command';

/** `clinic-desk stats`: the manager's figures for a range of days, through the same API method the screen calls. */
export const statsCommand: Command = {
  name: 'stats',
  summary: "The manager's figures (contacts, first-response time, calls, delays, SMS cost) for a range of days, with the period before.",
  usage: 'stats [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json | --csv] [--no-compare] [--data DIR]   (default: today)',
  options: { from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' }, 'no-compare': { type: 'boolean' }, ...dataOption },
  async run({ values }, io) {
    if (values.json && values.csv) throw new DeskError('invalid_input', 'format: choose --json or --csv, not both', { field: 'format' });
    const app = await createApp({ dataDir: resolveDataDir({ flag: values.data as string | undefined }), startOutbox: false });
    try {
      const from = values.from as string | undefined;
      const to = (values.to as string | undefined) ?? from;
      const req = from || to ? { kind: 'range', from: from ?? to, to } : { kind: 'day' };
      const result = (await app.call('stats.report', { ...req, compare: !values['no-compare'] }, { user: 'cli' })) as StatsResult;
      if (values.json) io.out(JSON.stringify(result, null, 2));
      else if (values.csv) io.out(reportCsv(result.current).trimEnd());
      else printText(result, io.out);
      return 0;
    } finally {
      await app.stop();
    }
  },
};

function printText(r: StatsResult, out: (line: string) => void): void {
  const { period } = r.current;
  out(`Clinic Desk statistics ${period.from}${period.to !== period.from ? ` – ${period.to}` : ''} (${period.timeZone})`);
  if (r.previous) out(`compared with ${r.previous.period.from}${r.previous.period.to !== r.previous.period.from ? ` – ${r.previous.period.to}` : ''} (in brackets)`);
  const before = r.previous ? statsTables(r.previous) : null;
  for (const [i, t] of statsTables(r.current).entries()) {
    if (t.id === 'heatmap' || t.rows.length === 0) continue;
    out('');
    out(`== ${t.id}`);
    const prev = before?.[i];
    const rows = t.rows.map((row, j) => row.map((c, k) => withPrevious(c, k === 0 ? undefined : prev?.rows.find((p) => p[0] === row[0])?.[k], j)));
    const widths = t.columns.map((c, k) => Math.max(c.length, ...rows.map((row) => row[k]!.length)));
    out(t.columns.map((c, k) => c.padEnd(widths[k]!)).join('  '));
    for (const row of rows) out(row.map((c, k) => (k === 0 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join('  '));
  }
}

function withPrevious(c: Cell, prev: Cell | undefined, _row: number): string {
  const now = c === null ? '–' : String(c);
  if (prev === undefined || typeof c === 'string') return now;
  return `${now} (${prev === null ? '–' : String(prev)})`;
}
