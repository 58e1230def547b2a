import { createHash } from 'node:crypto';
import type { NormalizedCall } from '../callTypes';
import type { DateOrder } from './fieldParsers';
import type { PbxTopology } from './pbxTopology';

export const CALL_FILE_FORMATS = ['3cx', 'asterisk', 'generic'] as const;
export type CallFileFormat = (typeof CALL_FILE_FORMATS)[number];

/** Which column holds what, for spreadsheets and PBXs we have no dedicated reader for; saved per source. */
export interface ColumnMapping {
  startedAt: string;
  from?: string;
  to?: string;
  /** The outside party's number when the file has one number column plus a direction. */
  number?: string;
  direction?: string;
  /** Used when there is no direction column (e.g. a list of incoming calls only). */
  defaultDirection?: 'in' | 'out';
  status?: string;
  ringSeconds?: string;
  talkSeconds?: string;
  extension?: string;
  note?: string;
  id?: string;
  dateOrder?: DateOrder;
}

export interface ImportOptions {
  /** The clinic's IANA time zone: PBX exports write wall-clock times. */
  timeZone: string;
  dateOrder?: DateOrder;
  /** N: an unanswered call that ended sooner was abandoned by the caller; later, it rang out (missed). */
  abandonWithinSeconds?: number;
  mapping?: ColumnMapping;
  /** Asterisk cdr.conf `usegmtime=yes` writes Master.csv times in UTC (the sample cdr.conf ships with it). */
  cdrTimeBase?: 'local' | 'utc';
  /** Which channels are trunks and which numbers are desks (settings; defaults in pbxTopology.ts). */
  topology?: PbxTopology;
}

export interface ParsedCall {
  /** Line of the file where the call's (first) record starts. */
  line: number;
  call: NormalizedCall;
}

export interface RowIssue {
  line: number;
  message: string;
  /** What the desk shows, translated (`errors-rows:<key>`, see domain/shared/rowReasons.ts); `message` is the log's English. */
  reason?: string;
  params?: Record<string, string | number | null>;
}

export interface ParsedCallFile {
  format: CallFileFormat | null;
  calls: ParsedCall[];
  /** Rows that are not calls to log (internal extension-to-extension calls, report totals). */
  skipped: RowIssue[];
  /** Rows identical to an earlier row of the same file. */
  duplicates: Array<{ line: number; sameAsLine: number }>;
  errors: RowIssue[];
  /** Set when nothing in the file could be read (empty, unknown format, missing columns). */
  fileError: string | null;
  /** The same as an error reason the desk translates (see domain/shared/errors.ts). */
  fileErrorReason?: string;
}

export function emptyResult(format: CallFileFormat | null, fileError: string | null = null, fileErrorReason?: string): ParsedCallFile {
  return { format, calls: [], skipped: [], duplicates: [], errors: [], fileError, ...(fileErrorReason ? { fileErrorReason } : {}) };
}

/** A stable id for a record that has none of its own: the same row imported again hashes the same. */
export function rowHash(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u001f')).digest('hex').slice(0, 24);
}

/** Normalised header text for matching: "Call Time" / "call_time" / " CALL-TIME " → "call time". */
export function headerKey(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[_\-.]+/g, ' ')
    .replace(/\s+/g, ' ');
}
