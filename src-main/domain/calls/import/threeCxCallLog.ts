import type { CallDirection } from '../callTypes';
import { directionWord, inferDirection } from './callDirection';
import { collectCalls, csvCallLeg, type CallLeg } from './callLegs';
import { DEFAULT_ABANDON_WITHIN_SECONDS, statusMeaning, type StatusMeaning } from './classifyCall';
import type { CsvRecord } from './csvTokenizer';
import { looksLikeExtension, parseDateTime, parseDurationSeconds, phoneDigits } from './fieldParsers';
import { emptyResult, headerKey, type ImportOptions, type ParsedCallFile, type RowIssue } from './importTypes';
import type { ErrorParams } from '../../shared/errors';
import { ROW } from '../../shared/rowReasons';
import { isDeskNumber, type PbxTopology } from './pbxTopology';

const VOICEMAIL = /voice\s*-?mail|\bvmail\b|segreteria|poczta/i;
const SYSTEM_PARTY = /digital\s*receptionist|\bivr\b|auto\s*-?attendant|centralino\s*digitale|wirtualna\s*recepcja/i;

/**
 * What a 3CX leg's status means once Redirected and system answers are read (see the note above).
 * `system`: the PBX answered (a menu); its "talking" time is the caller waiting, not a conversation.
 */
function threeCxMeaning(status: string, toText: string, details: string, desk: string | null, topology: PbxTopology | undefined): { meaning: StatusMeaning | null; system: boolean } {
  if (/^redirected$/i.test(status.trim())) return { meaning: VOICEMAIL.test(`${toText} ${details}`) ? 'voicemail' : 'unanswered', system: false };
  const meaning = statusMeaning(status);
  if (meaning !== 'answered' || desk === null) return { meaning, system: false };
  const rangeSet = (topology?.deskExtensions ?? '').trim() !== '';
  const system = SYSTEM_PARTY.test(toText) || (rangeSet && topology !== undefined && !isDeskNumber(desk, topology));
  return system ? { meaning: 'unanswered', system } : { meaning, system };
}

/**
 * 3CX call log export (Call History / Call Log report, V18–V20): a header row
 * `Call Time,Call ID,From,To,Direction,Status,Ringing,Talking,Cost,Call Activity Details`, parties written
 * as "Name (number)", durations as hh:mm:ss, a trailing "Totals" row. Older exports say "Caller ID" and
 * "Destination" and have no Direction; both are read.
 * V20 adds the status "Redirected": that leg handed the call on (forward, no-answer rule, a menu choice);
 * whoever answered is another leg of the same Call ID, and a redirect to voicemail means nobody did.
 * A leg "Answered" by a digital receptionist (IVR) or by a number outside the desk range of the settings is
 * the PBX answering, not a person: the call counts as answered only through a desk's leg.
 * (No real V20 export is public; the statuses are those of 3CX's V20 Call History report.)
 */
const COLUMNS = {
  time: ['call time', 'start time', 'time start'],
  id: ['call id', 'callid', 'historyid'],
  from: ['from', 'caller id', 'caller', 'from no'],
  to: ['to', 'destination', 'to no'],
  direction: ['direction', 'call direction'],
  status: ['status', 'call status'],
  ringing: ['ringing', 'ring time'],
  talking: ['talking', 'talk time', 'duration'],
  details: ['call activity details', 'call activity', 'details'],
} as const;

type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['time', 'from', 'to', 'status'];

export function findColumns(header: string[]): { index: Partial<Record<Column, number>>; missing: Column[] } {
  const keys = header.map(headerKey);
  const index: Partial<Record<Column, number>> = {};
  for (const column of Object.keys(COLUMNS) as Column[]) {
    const at = keys.findIndex((k) => (COLUMNS[column] as readonly string[]).includes(k));
    if (at >= 0) index[column] = at;
  }
  return { index, missing: REQUIRED.filter((c) => index[c] === undefined) };
}

/** True when the header row is a 3CX call log header. */
export function isThreeCxHeader(header: string[]): boolean {
  return findColumns(header).missing.length === 0;
}

export function parseThreeCxCallLog(records: CsvRecord[], opts: ImportOptions): ParsedCallFile {
  const [header, ...rows] = records;
  if (!header) return emptyResult('3cx', 'the file is empty');
  const { index, missing } = findColumns(header.fields);
  if (missing.length > 0) {
    const wanted = missing.map((c) => COLUMNS[c][0]).join(', ');
    return emptyResult('3cx', `not a 3CX call log: no column ${wanted} in the header (found: ${header.fields.join(' | ')})`);
  }
  const cell = (r: CsvRecord, c: Column): string => {
    const i = index[c];
    return i === undefined ? '' : (r.fields[i] ?? '').trim();
  };
  const abandonWithinSeconds = opts.abandonWithinSeconds ?? DEFAULT_ABANDON_WITHIN_SECONDS;
  const legs: CallLeg[] = [];
  const skipped: RowIssue[] = [];
  const errors: RowIssue[] = [];

  for (const r of rows) {
    const fail = (message: string, reason: string, params?: ErrorParams): void => void errors.push({ line: r.line, message, reason, ...(params ? { params } : {}) });
    const timeText = cell(r, 'time');
    if (/^totals?$/i.test(timeText) || r.fields.some((f) => /^totals?$/i.test(f.trim()))) {
      skipped.push({ line: r.line, message: 'report totals row' });
      continue;
    }
    const startedAt = parseDateTime(timeText, opts.timeZone, opts.dateOrder);
    if (startedAt === null) {
      fail(`Call Time: cannot read "${timeText}" as a date and time`, ROW.dateTime, { column: 'Call Time', value: timeText });
      continue;
    }
    const from = phoneDigits(cell(r, 'from'));
    const to = phoneDigits(cell(r, 'to'));
    const dirText = cell(r, 'direction');
    const direction = index.direction !== undefined && dirText !== '' ? directionWord(dirText) : inferDirection(from, to);
    if (direction === 'internal') {
      skipped.push({ line: r.line, message: 'internal call between extensions' });
      continue;
    }
    if (direction === null) {
      if (dirText) fail(`Direction: unknown value "${dirText}"`, ROW.unknownValue, { column: 'Direction', value: dirText });
      else fail(`From/To: cannot tell whether "${from}" → "${to}" was incoming or outgoing`, ROW.direction, { from, to });
      continue;
    }
    const statusText = cell(r, 'status');
    const { meaning, system } = threeCxMeaning(statusText, cell(r, direction === 'in' ? 'to' : 'from'), cell(r, 'details'), direction === 'in' ? (deskOf(direction, from, to) ?? '') : null, opts.topology);
    if (meaning === null) {
      fail(`Status: unknown value "${statusText}"`, ROW.unknownValue, { column: 'Status', value: statusText });
      continue;
    }
    const ringing = parseDurationSeconds(cell(r, 'ringing'));
    const talkSeconds = parseDurationSeconds(cell(r, 'talking'));
    const ringSeconds = ringing !== null && system ? ringing + (talkSeconds ?? 0) : ringing;
    if (ringSeconds === null || talkSeconds === null) {
      fail(`${ringSeconds === null ? 'Ringing' : 'Talking'}: cannot read "${cell(r, ringSeconds === null ? 'ringing' : 'talking')}" as a duration`, ROW.duration, { column: ringSeconds === null ? 'Ringing' : 'Talking', value: cell(r, ringSeconds === null ? 'ringing' : 'talking') });
      continue;
    }
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
        abandonWithinSeconds,
        extension: deskOf(direction, from, to),
        source: '3cx',
        identity: [String(startedAt), from, to, statusText, String(ringSeconds), String(talkSeconds)],
        note: '',
      }),
    );
  }
  return { format: '3cx', ...collectCalls(legs), skipped, errors, fileError: null };
}

function deskOf(direction: CallDirection, from: string, to: string): string | null {
  const desk = direction === 'in' ? to : from;
  return looksLikeExtension(desk) ? desk : null;
}
