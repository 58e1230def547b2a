import fs from 'node:fs';
import path from 'node:path';
import { defaultBenchRoot } from '../../bench/benchStore';
import type { BenchSizeName } from '../../bench/generator/generateClinic';
import { formatLoadReport, runLoadTest } from '../../bench/loadTest';
import { formatReport, runBench } from '../../bench/runBench';
import type { Command } from '../command';

const SIZES: BenchSizeName[] = ['10k', '100k', '1m'];

export const benchCommand: Command = {
  name: 'bench',
  summary: 'Measure the desk on a generated clinic history (10k, 100k or 1m messages), through the same code the host runs.',
  usage: 'bench [--size 10k|100k|1m] [--only TEXT] [--runs N] [--no-http] [--json] [--out FILE] [--root DIR] | bench --load [--size …] [--seconds 30] [--rate 20] [--soak 20000]',
  options: {
    size: { type: 'string', default: '100k' },
    only: { type: 'string' },
    runs: { type: 'string' },
    'no-http': { type: 'boolean' },
    json: { type: 'boolean' },
    out: { type: 'string' },
    root: { type: 'string' },
    load: { type: 'boolean' },
    seconds: { type: 'string', default: '30' },
    rate: { type: 'string', default: '20' },
    soak: { type: 'string', default: '0' },
  },
  async run({ values }, io) {
    const size = String(values.size).toLowerCase() as BenchSizeName;
    if (!SIZES.includes(size)) {
      io.err(`--size must be one of ${SIZES.join(', ')}`);
      return 2;
    }
    const root = (values.root as string | undefined) ?? defaultBenchRoot();
    if (values.load) {
      const load = await runLoadTest({
        size,
        root,
        seconds: Math.min(600, Number(values.seconds)),
        webhooksPerSecond: Math.min(100, Number(values.rate)),
        soak: Math.min(100_000, Number(values.soak)),
        log: (l) => io.err(l),
      });
      if (values.out) fs.writeFileSync(String(values.out), JSON.stringify(load, null, 2));
      if (values.json) io.out(JSON.stringify(load, null, 2));
      else for (const line of formatLoadReport(load)) io.out(line);
      return load.pass ? 0 : 1;
    }
    const report = await runBench({
      size,
      root,
      http: !values['no-http'],
      only: values.only as string | undefined,
      // More runs of each case: for a CPU profile (`node --cpu-prof out/main/cli.js bench --only … --runs 20000`).
      runs: values.runs ? Math.max(1, Number(values.runs)) : undefined,
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
