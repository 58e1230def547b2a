import type { CallDirection } from '../callTypes';
import { directionWord, inferDirection } from './callDirection';
import { collectCalls, csvCallLeg, type CallLeg } from './callLegs';
import { DEFAULT_ABANDON_WITHIN_SECONDS, statusMeaning, type StatusMeaning } from './classifyCall';
import type { CsvRecord } from './csvTokenizer';
import { looksLikeExtension, parseDateTime, parseDurationSeconds, phoneDigits } from './fieldParsers';
import { emptyResult, headerKey, type ColumnMapping, type ImportOptions, type ParsedCallFile, type RowIssue } from './importTypes';
import type { ErrorParams } from '../../shared/errors';
import { ROW } from '../../shared/rowReasons';

/**
 * Any call list with a header row (a PBX we have no reader for, a spreadsheet kept by hand), read through
 * a column mapping the clinic saves once per source: which header holds the time, numbers, status, durations.
 */
type MappedField = Exclude<keyof ColumnMapping, 'defaultDirection' | 'dateOrder'>;

export function mappingProblem(mapping: ColumnMapping): string | null {
  if (!mapping.startedAt.trim()) return 'mapping.startedAt: name the column holding the call time';
  if (!mapping.from && !mapping.to && !mapping.number) return 'mapping: name at least one number column (from, to or number)';
  if (mapping.number && !mapping.direction && !mapping.defaultDirection) {
    return 'mapping.direction: with a single number column, name the direction column or set a default direction';
  }
  return null;
}

function locate(header: string[], mapping: ColumnMapping): { index: Partial<Record<MappedField, number>>; missing: string[] } {
  const keys = header.map(headerKey);
  const index: Partial<Record<MappedField, number>> = {};
  const missing: string[] = [];
  for (const [field, name] of Object.entries(mapping) as Array<[keyof ColumnMapping, string | undefined]>) {
    if (field === 'defaultDirection' || field === 'dateOrder' || !name) continue;
    const at = keys.indexOf(headerKey(name));
    if (at < 0) missing.push(`"${name}"`);
    else index[field] = at;
  }
  return { index, missing };
}

export function parseGenericCallCsv(records: CsvRecord[], opts: ImportOptions): ParsedCallFile {
  const mapping = opts.mapping;
  if (!mapping) return emptyResult('generic', 'a generic CSV needs a column mapping (which column holds the time, numbers, status)', 'calls.mappingRequired');
  const problem = mappingProblem(mapping);
  if (problem) return emptyResult('generic', problem, 'calls.mappingIncomplete');
  const [header, ...rows] = records;
  if (!header) return emptyResult('generic', 'the file is empty');
  const { index, missing } = locate(header.fields, mapping);
  if (missing.length > 0) {
    return emptyResult('generic', `mapped column(s) ${missing.join(', ')} not in the header (found: ${header.fields.join(' | ')})`);
  }
  const cell = (r: CsvRecord, f: MappedField): string => {
    const i = index[f];
    return i === undefined ? '' : (r.fields[i] ?? '').trim();
  };
  const legs: CallLeg[] = [];
  const skipped: RowIssue[] = [];
  const errors: RowIssue[] = [];

  for (const r of rows) {
    const fail = (message: string, reason: string, params?: ErrorParams): void => void errors.push({ line: r.line, message, reason, ...(params ? { params } : {}) });
    const timeText = cell(r, 'startedAt');
    const startedAt = parseDateTime(timeText, opts.timeZone, mapping.dateOrder ?? opts.dateOrder);
    if (startedAt === null) {
      fail(`${mapping.startedAt}: cannot read "${timeText}" as a date and time`, ROW.dateTime, { column: mapping.startedAt ?? '', value: timeText });
      continue;
    }
    const dirText = cell(r, 'direction');
    let direction: CallDirection | 'internal' | null = dirText ? directionWord(dirText) : (mapping.defaultDirection ?? null);
    const number = phoneDigits(cell(r, 'number'));
    let from = phoneDigits(cell(r, 'from'));
    let to = phoneDigits(cell(r, 'to'));
    if (direction === null && !dirText) direction = inferDirection(from, to);
    if (direction === 'internal') {
      skipped.push({ line: r.line, message: 'internal call between extensions' });
      continue;
    }
    if (direction === null) {
      if (dirText) fail(`${mapping.direction}: unknown value "${dirText}"`, ROW.unknownValue, { column: mapping.direction ?? '', value: dirText });
      else fail('cannot tell whether the call was incoming or outgoing', ROW.direction, { from: '', to: '' });
      continue;
    }
    if (index.number !== undefined) {
      if (direction === 'in') from = number;
      else to = number;
    }
    // An empty cell is a broken row; text without digits ("Anonymous") is a withheld number and is kept.
    const outsideColumn: MappedField = index.number !== undefined ? 'number' : direction === 'in' ? 'from' : 'to';
    if (cell(r, outsideColumn) === '') {
      fail(`${mapping[outsideColumn] ?? outsideColumn}: no phone number`, ROW.noPhone, { column: mapping[outsideColumn] ?? outsideColumn });
      continue;
    }
    const ringSeconds = parseDurationSeconds(cell(r, 'ringSeconds'));
    const talkSeconds = parseDurationSeconds(cell(r, 'talkSeconds'));
    if (ringSeconds === null || talkSeconds === null) {
      const bad = ringSeconds === null ? 'ringSeconds' : 'talkSeconds';
      fail(`${mapping[bad]}: cannot read "${cell(r, bad)}" as a duration`, ROW.duration, { column: mapping[bad] ?? bad, value: cell(r, bad) });
      continue;
    }
    const statusText = cell(r, 'status');
    const meaning: StatusMeaning | null = statusText ? statusMeaning(statusText) : talkSeconds > 0 ? 'answered' : 'unanswered';
    if (meaning === null) {
      fail(`${mapping.status}: unknown value "${statusText}"`, ROW.unknownValue, { column: mapping.status ?? '', value: statusText });
      continue;
    }
    const ext = cell(r, 'extension') || (direction === 'in' ? to : from);
    legs.push(
      csvCallLeg({
        line: r.line,
        fields: r.fields,
        id: cell(r, 'id'),
        direction,
        from,
        to,
        startedAt,
        ringSeconds,
        talkSeconds,
        meaning,
        abandonWithinSeconds: opts.abandonWithinSeconds ?? DEFAULT_ABANDON_WITHIN_SECONDS,
        extension: looksLikeExtension(ext) ? ext : null,
        source: 'generic',
        identity: [String(startedAt), direction, from, to, statusText, String(ringSeconds), String(talkSeconds)],
        note: cell(r, 'note'),
      }),
    );
  }
  return { format: 'generic', ...collectCalls(legs), skipped, errors, fileError: null };
}
