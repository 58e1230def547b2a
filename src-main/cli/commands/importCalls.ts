import fs from 'node:fs';
import path from 'node:path';
import { createApp } from '../../app/createApp';
import type { CallImportSummary } from '../../contract/calls';
import { invalidInput } from '../../domain/shared/errors';
import { resolveDataDir } from '../../host/dataDir';
import { dataOption, type CliIo, type Command } from '../command';

const FORMATS = ['auto', '3cx', 'asterisk', 'generic'] as const;

function printSummary(s: CallImportSummary, file: string, io: CliIo): void {
  if (s.fileError) {
    io.err(`${file}: ${s.fileError}`);
    for (const e of s.errors) io.err(`${file}:${e.line}  error: ${e.message}`);
    return;
  }
  for (const d of s.duplicateRows) io.out(`${file}:${d.line}  duplicate of line ${d.sameAsLine}, skipped`);
  for (const k of s.skipped) io.out(`${file}:${k.line}  skipped: ${k.message}`);
  for (const e of s.errors) io.err(`${file}:${e.line}  error: ${e.message}`);
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
    map: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    const file = positionals[0];
    if (!file || positionals.length > 1) throw invalidInput('FILE', `name exactly one file to import (usage: clinic-desk ${this.usage})`);
    if (!fs.existsSync(file)) throw invalidInput('FILE', `${file} does not exist`);
    const format = values.format as string;
    if (!(FORMATS as readonly string[]).includes(format)) throw invalidInput('--format', `"${format}" is not one of ${FORMATS.join(', ')}`);
    const mapping: Record<string, string> = {};
    for (const m of (values.map as string[] | undefined) ?? []) {
      const eq = m.indexOf('=');
      if (eq <= 0) throw invalidInput('--map', `"${m}" is not field=Header (e.g. --map startedAt="Data e ora")`);
      mapping[m.slice(0, eq).trim()] = m.slice(eq + 1).trim();
    }
    const app = await createApp({ dataDir: resolveDataDir({ flag: values.data as string | undefined }), startOutbox: false, backups: false });
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
