import fs from 'node:fs';
import path from 'node:path';
import { defaultBenchRoot } from '../../bench/benchStore';
import type { BenchSizeName } from '../../bench/generator/generateClinic';
import { formatReport, runBench } from '../../bench/runBench';
import type { Command } from '../command';

const SIZES: BenchSizeName[] = ['10k', '100k', '1m'];

export const benchCommand: Command = {
  name: 'bench',
  summary: 'Measure the desk on a generated clinic history (10k, 100k or 1m messages), through the same code the host runs.',
  usage: 'bench [--size 10k|100k|1m] [--only TEXT] [--no-http] [--json] [--out FILE] [--root DIR]',
  options: {
    size: { type: 'string', default: '100k' },
    only: { type: 'string' },
    'no-http': { type: 'boolean' },
    json: { type: 'boolean' },
    out: { type: 'string' },
    root: { type: 'string' },
  },
  async run({ values }, io) {
    const size = String(values.size).toLowerCase() as BenchSizeName;
    if (!SIZES.includes(size)) {
      io.err(`--size must be one of ${SIZES.join(', ')}`);
      return 2;
    }
    const report = await runBench({
      size,
      root: (values.root as string | undefined) ?? defaultBenchRoot(),
      http: !values['no-http'],
      only: values.only as string | undefined,
      log: (l) => io.err(l),
    });
    const json = JSON.stringify(report, null, 2);
    if (values.out) {
      fs.mkdirSync(path.dirname(path.resolve(String(values.out))), { recursive: true });
      fs.writeFileSync(String(values.out), json);
    }
    if (values.json) io.out(json);
    else for (const line of formatReport(report)) io.out(line);
    const failed = report.results.filter((r) => r.pass === false).length;
    return failed > 0 ? 1 : 0;
  },
};
