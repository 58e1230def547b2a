import { masterCsvFileProblem, looksLikeMasterCsv, parseAsteriskMasterCsv } from './asteriskMasterCsv';
import { parseCsv, type CsvRecord } from './csvTokenizer';
import { parseGenericCallCsv } from './genericCallCsv';
import { emptyResult, type CallFileFormat, type ImportOptions, type ParsedCallFile } from './importTypes';
import { isThreeCxHeader, parseThreeCxCallLog } from './threeCxCallLog';

export type FormatChoice = CallFileFormat | 'auto';

/** Which reader fits: a 3CX header, a header-less cdr-csv row, or (with a mapping) the generic reader. */
export function detectCallFileFormat(records: CsvRecord[], hasMapping: boolean): CallFileFormat | null {
  const first = records[0];
  if (!first) return null;
  if (isThreeCxHeader(first.fields)) return '3cx';
  // A Master.csv whose first row was damaged is still a Master.csv: look a little further.
  if (records.slice(0, 10).some(looksLikeMasterCsv)) return 'asterisk';
  return hasMapping ? 'generic' : null;
}

/**
 * Reads a PBX call-record export into normalised calls. Pure: the same text and options always give the
 * same calls with the same source ids, which is what makes re-importing a file add nothing.
 */
export function parseCallFile(text: string, opts: ImportOptions & { format?: FormatChoice }): ParsedCallFile {
  const csv = parseCsv(text);
  const tokenErrors = csv.problems.map((p) => ({ line: p.line, message: p.message }));
  if (csv.records.length === 0 && tokenErrors.length === 0) return emptyResult(null, 'the file is empty', 'import.emptyFile');
  const choice = opts.format ?? 'auto';
  const format = choice === 'auto' ? detectCallFileFormat(csv.records, opts.mapping !== undefined) : choice;
  if (format === null) {
    return {
      ...emptyResult(null, 'unknown file format: not a 3CX call log nor an Asterisk Master.csv — import it as generic CSV with a column mapping', 'calls.unknownFormat'),
      errors: tokenErrors,
    };
  }
  if (format === 'asterisk') {
    const headerProblem = masterCsvFileProblem(csv.records);
    if (headerProblem) return { ...emptyResult('asterisk', headerProblem, 'calls.notMasterCsv'), errors: tokenErrors };
  }
  const parsed =
    format === '3cx'
      ? parseThreeCxCallLog(csv.records, opts)
      : format === 'asterisk'
        ? parseAsteriskMasterCsv(csv.records, opts)
        : parseGenericCallCsv(csv.records, opts);
  const errors = [...tokenErrors, ...parsed.errors].sort((a, b) => a.line - b.line);
  return { ...parsed, errors };
}
