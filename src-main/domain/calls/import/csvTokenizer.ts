import { ROW } from '../../shared/rowReasons';
/**
 * A small RFC 4180 CSV reader for PBX exports: quoted fields with "" escapes, delimiters and newlines
 * inside quotes, CRLF / LF / CR line ends, a UTF-8 BOM, and `,` `;` tab or `|` as delimiter (European
 * Excel saves with `;`). Every record keeps the physical line it starts on, so errors can name it.
 */

export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export interface CsvRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  fields: string[];
}

export interface CsvProblem {
  line: number;
  message: string;
  reason: string;
}

export interface CsvParseResult {
  delimiter: CsvDelimiter;
  records: CsvRecord[];
  problems: CsvProblem[];
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Counts of each delimiter outside quotes on the first lines; the winner appears on every line, most often. */
export function detectDelimiter(text: string, sampleLines = 20): CsvDelimiter {
  const counts: Array<Record<CsvDelimiter, number>> = [];
  let current = { ',': 0, ';': 0, '\t': 0, '|': 0 };
  let inQuotes = false;
  let lineHasContent = false;
  for (let i = 0; i < text.length && counts.length < sampleLines; i++) {
    const ch = text[i] as string;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (lineHasContent) counts.push(current);
      current = { ',': 0, ';': 0, '\t': 0, '|': 0 };
      lineHasContent = false;
      continue;
    } else if (!inQuotes && ch in current) current[ch as CsvDelimiter]++;
    lineHasContent = true;
  }
  if (lineHasContent) counts.push(current);
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  for (const d of CSV_DELIMITERS) {
    const perLine = counts.map((c) => c[d]);
    if (perLine.length === 0 || perLine.some((n) => n === 0)) continue;
    const score = Math.min(...perLine);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

const isBlank = (fields: string[]): boolean => fields.every((f) => f.trim() === '');

/**
 * Parses the whole text; blank lines are skipped. A record whose quote never closes is reported on its
 * starting line and reading resumes on the next line, so one bad record does not swallow the rest.
 */
export function parseCsv(input: string, opts: { delimiter?: CsvDelimiter } = {}): CsvParseResult {
  const text = stripBom(input);
  const delimiter = opts.delimiter ?? detectDelimiter(text);
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let resume: Resume | null = { text, lineOffset: 0 };
  while (resume) resume = parseFrom(resume, delimiter, records, problems);
  return { delimiter, records, problems };
}

interface Resume {
  text: string;
  lineOffset: number;
}

/** Reads records until the end, or until an unterminated quote: then says where to resume. */
function parseFrom(from: Resume, delimiter: CsvDelimiter, records: CsvRecord[], problems: CsvProblem[]): Resume | null {
  const { text, lineOffset } = from;
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1 + lineOffset;
  let recordLine = line;
  let recordStart = 0;

  const endRecord = (nextStart: number): void => {
    fields.push(field);
    if (!isBlank(fields)) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    recordLine = line;
    recordStart = nextStart;
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      // A quote opening a field; whitespace before it (`a, "b"`) is dropped.
      field = '';
      inQuotes = true;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      endRecord(i + 1);
    } else field += ch;
  }

  if (inQuotes) {
    problems.push({ line: recordLine, message: 'a quoted field is never closed (missing ")', reason: ROW.unclosedQuote });
    const nextLine = text.slice(recordStart).search(/\r\n|\n|\r/);
    if (nextLine < 0) return null;
    return { text: text.slice(recordStart + nextLine).replace(/^(\r\n|\n|\r)/, ''), lineOffset: recordLine };
  }
  if (field !== '' || fields.length > 0) endRecord(text.length);
  return null;
}
