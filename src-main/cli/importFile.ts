import fs from 'node:fs';
import { invalidInput } from '../domain/shared/errors';
import { decodeTextFile } from '../domain/shared/textEncoding';
import type { CliIo } from './command';

/** What the `import …` commands share: one existing FILE, `--map field=Header` options, the skipped/error lines. */

/** The options every import command takes: `--map field=Header …`, `--dry-run`, `--json`. */
export const importOptions = {
  map: { type: 'string' as const, multiple: true as const },
  'dry-run': { type: 'boolean' as const },
  json: { type: 'boolean' as const },
};

/** The one positional FILE, which must exist. */
export function importFileArg(positionals: readonly string[], usage: string): string {
  const file = positionals[0];
  if (!file || positionals.length > 1) throw invalidInput('FILE', `name exactly one file to import (usage: clinic-desk ${usage})`);
  if (!fs.existsSync(file)) throw invalidInput('FILE', `${file} does not exist`);
  return file;
}

/** The file's text in whatever encoding it was saved (UTF-8, UTF-16, Windows-1250/1252), or a refusal naming it. */
export function readImportFile(file: string): string {
  const decoded = decodeTextFile(fs.readFileSync(file));
  if (decoded.error !== undefined) throw invalidInput('FILE', `${file}: ${decoded.error}`);
  return decoded.text;
}

/** `--map field=Header` options as a column mapping; `example` shows one in the error message. */
export function mapOptions(values: readonly string[] | undefined, example: string): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const m of values ?? []) {
    const eq = m.indexOf('=');
    if (eq <= 0) throw invalidInput('--map', `"${m}" is not field=Header (e.g. --map ${example})`);
    mapping[m.slice(0, eq).trim()] = m.slice(eq + 1).trim();
  }
  return mapping;
}

/** The lines an import skipped or refused, as `file:line  skipped|error: …` (errors on stderr). */
export function printIssues(s: { skipped: { line: number; message: string }[]; errors: { line: number; message: string }[] }, file: string, io: CliIo): void {
  for (const k of s.skipped) io.out(`${file}:${k.line}  skipped: ${k.message}`);
  for (const e of s.errors) io.err(`${file}:${e.line}  error: ${e.message}`);
}
