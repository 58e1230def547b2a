import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { asteriskCalls, masterCsvFileProblem, looksLikeMasterCsv, parseAsteriskMasterCsv, readAsteriskRows, type AsteriskRows } from './asteriskMasterCsv';
import { parseCsv, type CsvRecord } from './csvTokenizer';
import { parseGenericCallCsv } from './genericCallCsv';
import { emptyResult, type CallFileFormat, type ImportOptions, type ParsedCallFile } from './importTypes';
import { isThreeCxHeader, parseThreeCxCallLog } from './threeCxCallLog';
import { looksLikeThreeCxCdr, parseThreeCxCdr } from './threeCxCdr';

export type FormatChoice = CallFileFormat | 'auto';

/** Which reader fits: a 3CX header, a header-less cdr-csv row, or (with a mapping) the generic reader. */
export function detectCallFileFormat(records: CsvRecord[], hasMapping: boolean): CallFileFormat | null {
  const first = records[0];
  if (!first) return null;
  if (isThreeCxHeader(first.fields)) return '3cx';
  if (records.slice(0, 10).some(looksLikeThreeCxCdr)) return '3cx';
  // A Master.csv whose first row was damaged is still a Master.csv: look a little further.
  if (records.slice(0, 10).some(looksLikeMasterCsv)) return 'asterisk';
  return hasMapping ? 'generic' : null;
}

/**
 * Reads a PBX call-record export into normalised calls. Pure: the same text and options always give the
 * same calls with the same source ids, which is what makes re-importing a file add nothing.
 */
export function parseCallFile(text: string, opts: ImportOptions & { format?: FormatChoice }): ParsedCallFile {
  return parseRecords(parseCsv(text), opts, parseAsteriskMasterCsv);
}

/**
 * The same reading for a big import: Master.csv rows (the PBX that writes 50,000-row files) are read in
 * slices of `sliceRows` with the event loop given back between slices, so other requests keep being answered.
 */
export async function parseCallFileYielding(text: string, opts: ImportOptions & { format?: FormatChoice }, sliceRows = 500): Promise<ParsedCallFile> {
  const csv = parseCsv(text);
  await yieldToEventLoop();
  let rows: AsteriskRows | null = null;
  const result = parseRecords(csv, opts, () => {
    rows = { legs: [], skipped: [], errors: [] };
    return null;
  });
  if (rows === null) return result;
  for (let start = 0; start < csv.records.length; start += sliceRows) {
    readAsteriskRows(csv.records.slice(start, start + sliceRows), opts, rows);
    await yieldToEventLoop();
  }
  return withTokenErrors(asteriskCalls(rows), csv);
}

function withTokenErrors(parsed: ParsedCallFile, csv: ReturnType<typeof parseCsv>): ParsedCallFile {
  const tokenErrors = csv.problems.map((p) => ({ line: p.line, message: p.message, reason: p.reason }));
  const errors = [...tokenErrors, ...parsed.errors].sort((a, b) => a.line - b.line);
  return { ...parsed, errors };
}

/** Format detection and file-level checks, then the reader; `asterisk` returns null when the caller reads the rows itself. */
function parseRecords(
  csv: ReturnType<typeof parseCsv>,
  opts: ImportOptions & { format?: FormatChoice },
  asterisk: (records: CsvRecord[], opts: ImportOptions) => ParsedCallFile | null,
): ParsedCallFile {
  const tokenErrors = csv.problems.map((p) => ({ line: p.line, message: p.message, reason: p.reason }));
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
  if (format === 'asterisk') {
    const parsed = asterisk(csv.records, opts);
    // null: the caller reads the rows in slices and adds the token errors itself.
    return parsed === null ? emptyResult('asterisk') : withTokenErrors(parsed, csv);
  }
  if (format === '3cx') {
    // The Call History report has a header; the CDR output (one "Call <id>" row per call) has none.
    const cdr = !isThreeCxHeader(csv.records[0]?.fields ?? []) && csv.records.slice(0, 10).some(looksLikeThreeCxCdr);
    return withTokenErrors(cdr ? parseThreeCxCdr(csv.records, opts) : parseThreeCxCallLog(csv.records, opts), csv);
  }
  return withTokenErrors(parseGenericCallCsv(csv.records, opts), csv);
}
