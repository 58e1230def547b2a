import fs from 'node:fs';
import path from 'node:path';
import { createApp } from '../../app/createApp';
import type { CallImportSummary } from '../../contract/calls';
import { invalidInput } from '../../domain/shared/errors';
import { resolveDataDir } from '../../host/dataDir';
import { dataOption, type CliIo, type Command } from '../command';
import { importFileArg, importOptions, mapOptions, printIssues } from '../importFile';

const FORMATS = ['auto', '3cx', 'asterisk', 'generic'] as const;

function printSummary(s: CallImportSummary, file: string, io: CliIo): void {
  if (s.fileError) {
    io.err(`${file}: ${s.fileError}`);
    for (const e of s.errors) io.err(`${file}:${e.line}  error: ${e.message}`);
    return;
  }
  for (const d of s.duplicateRows) io.out(`${file}:${d.line}  duplicate of line ${d.sameAsLine}, skipped`);
  printIssues(s, file, io);
  const verb = s.dryRun ? 'Dry run (nothing saved): would import' : 'Imported';
  io.out(
    `${verb} ${s.imported} call(s) from ${file} (${s.format}); ${s.alreadyStored} already in the log, ` +
      `${s.duplicateRows.length} duplicate row(s), ${s.skipped.length} skipped, ${s.errors.length} error(s); ` +
      `${s.callbackTasksOpened} callback task(s) opened.`,
  );
}

export const importCallsCommand: Command = {
  name: 'import calls',
  summary: 'Import PBX call records (3CX call log, FreePBX/Asterisk Master.csv, generic CSV); re-importing adds nothing.',
  usage: 'import calls FILE [--format auto|3cx|asterisk|generic] [--mapping-source NAME] [--map field=Header ...] [--dry-run] [--json] [--data DIR]',
  options: {
    ...dataOption,
    format: { type: 'string', default: 'auto' },
    'mapping-source': { type: 'string' },
    ...importOptions,
  },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    const file = importFileArg(positionals, this.usage);
    const format = values.format as string;
    if (!(FORMATS as readonly string[]).includes(format)) throw invalidInput('--format', `"${format}" is not one of ${FORMATS.join(', ')}`);
    const mapping = mapOptions(values.map as string[] | undefined, 'startedAt="Data e ora"');
    const app = await createApp({ dataDir: resolveDataDir({ flag: values.data as string | undefined }), startOutbox: false, program: 'clinic-desk import calls', backups: false });
    try {
      const request = {
        fileName: path.basename(file),
        content: fs.readFileSync(file, 'utf8'),
        format,
        dryRun: values['dry-run'] === true,
        ...(values['mapping-source'] ? { mappingSource: values['mapping-source'] } : {}),
        ...(Object.keys(mapping).length ? { mapping } : {}),
      };
      const summary = (await app.call('calls.import', request, { user: 'cli' })) as CallImportSummary;
      if (values.json) io.out(JSON.stringify(summary, null, 2));
      else printSummary(summary, path.basename(file), io);
      return summary.fileError || summary.errors.length > 0 ? 1 : 0;
    } finally {
      await app.stop();
    }
  },
};
