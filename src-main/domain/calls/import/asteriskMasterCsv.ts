import type { CallDirection } from '../callTypes';
import { collectCalls, type CallLeg } from './callLegs';
import { DEFAULT_ABANDON_WITHIN_SECONDS, resolveResult, statusMeaning, type StatusMeaning } from './classifyCall';
import type { CsvRecord } from './csvTokenizer';
import { parseDateTime, phoneDigits } from './fieldParsers';
import { rowHash, type ImportOptions, type ParsedCallFile, type RowIssue } from './importTypes';
import { DEFAULT_TOPOLOGY, deskOfChannel, isDeskNumber, isLocalChannel, isTrunkChannel, type PbxTopology } from './pbxTopology';
import type { ErrorParams } from '../../shared/errors';
import { ROW } from '../../shared/rowReasons';

/**
 * Asterisk / FreePBX cdr-csv `Master.csv`: no header, one row per leg. The columns follow
 * cdr/cdr_csv.c `build_csv_record`: 16 fixed ones, then `uniqueid` only with cdr.conf `loguniqueid=yes`,
 * `userfield` only with `loguserfield=yes`, and `peeraccount, linkedid, sequence` only with
 * `newcdrcolumns=yes` — so a row has 16 to 21 fields and the position of the call's id depends on the
 * PBX's cdr.conf. Times are the PBX's local time, or UTC with `usegmtime=yes` (cdr_csv.c `append_date`).
 */
export const BASE_COLUMNS = [
  'accountcode', 'src', 'dst', 'dcontext', 'clid', 'channel', 'dstchannel', 'lastapp', 'lastdata',
  'start', 'answer', 'end', 'duration', 'billsec', 'disposition', 'amaflags',
] as const;
const MIN_COLUMNS = BASE_COLUMNS.length;
const MAX_COLUMNS = MIN_COLUMNS + 5;

type Column = (typeof BASE_COLUMNS)[number];
const col = (r: CsvRecord, name: Column): string => (r.fields[BASE_COLUMNS.indexOf(name)] ?? '').trim();

const DISPOSITIONS = /^(ANSWERED|NO ANSWER|BUSY|FAILED|CONGESTION)$/;
const WALL_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
/** Asterisk uniqueid/linkedid: "1706412893.79", or "systemname-1706420300.0" with cdr.conf/asterisk.conf systemname. */
const ASTERISK_ID = /^(?:[\w.-]+-)?\d{9,}\.\d+$/;

/**
 * The call's key in the optional tail (fields 16…): linkedid when `newcdrcolumns` is on (its tail ends with
 * an integer sequence after an id), else uniqueid when `loguniqueid` is on; null in the plain 16-column layout.
 */
export function callKeyOf(fields: readonly string[]): string | null {
  const tail = fields.slice(MIN_COLUMNS).map((f) => f.trim());
  if (tail.length >= 3 && /^\d+$/.test(tail[tail.length - 1] as string) && ASTERISK_ID.test(tail[tail.length - 2] as string)) {
    return tail[tail.length - 2] as string;
  }
  const uniqueid = tail[0];
  return uniqueid && ASTERISK_ID.test(uniqueid) ? uniqueid : null;
}

/** True when the first record looks like a cdr-csv row (no header, a start time and a disposition in place). */
export function looksLikeMasterCsv(first: CsvRecord): boolean {
  return first.fields.length >= MIN_COLUMNS && WALL_TIME.test(col(first, 'start')) && DISPOSITIONS.test(col(first, 'disposition'));
}

/** A file-level reason the records cannot be a Master.csv at all (a header row, a foreign delimiter). */
export function masterCsvFileProblem(records: CsvRecord[]): string | null {
  const first = records[0];
  if (!first) return 'the file is empty';
  if (first.fields.some((f) => /^(disposition|uniqueid|billsec|calldate)$/i.test(f.trim()))) {
    return 'this file has a header row; Asterisk Master.csv has none — import it as generic CSV with a column mapping';
  }
  if (!records.some((r) => r.fields.length >= MIN_COLUMNS)) {
    return `no row has the ${MIN_COLUMNS}–${MAX_COLUMNS} cdr-csv columns (the first has ${first.fields.length}); is this a Master.csv, and is its delimiter a comma?`;
  }
  return null;
}

/** Contexts FreePBX and typical hand-written dialplans use for calls from the outside / to the outside. */
function contextDirection(dcontext: string): CallDirection | null {
  if (/from-(trunk|pstn|did|external|sip-external)|ext-did|incoming|inbound|-pstn$/i.test(dcontext)) return 'in';
  if (/outbound|outrt|from-internal-xfer|macro-dialout/i.test(dcontext)) return 'out';
  return null;
}

/**
 * Party A on a trunk called in; party A on a desk called out (or a colleague). A Local/ helper leg of a
 * ring group carries the caller's number as src: outside caller → incoming.
 */
function channelDirection(channel: string, src: string, dst: string, topo: PbxTopology): CallDirection | 'internal' | null {
  if (isTrunkChannel(channel, topo)) return 'in';
  const callerIsDesk = deskOfChannel(channel, topo) !== null || isDeskNumber(src, topo);
  if (!callerIsDesk) return src === '' && channel === '' ? null : 'in';
  return dst === '' || isDeskNumber(dst, topo) ? 'internal' : 'out';
}

/** The timeout argument of Dial(…,20,…) or Queue(…,t,,,300): how long the PBX let it ring. */
export function ringTimeoutOf(lastapp: string, lastdata: string): number | null {
  const args = lastdata.split(/[,|]/);
  const raw = /^dial$/i.test(lastapp) ? args[1] : /^queue$/i.test(lastapp) ? args[4] : undefined;
  const n = Number((raw ?? '').trim());
  return raw && Number.isInteger(n) && n > 0 ? n : null;
}

function meaningOf(r: CsvRecord): StatusMeaning | null {
  if (/voicemail/i.test(col(r, 'lastapp'))) return 'voicemail';
  const disposition = statusMeaning(col(r, 'disposition'));
  // ANSWERED with no B party is the dialplan answering (Answer/Playback/Background IVR, Hangup after a
  // closed-hours message, Queue's music on hold): the caller spoke to no one. cdr.conf's documentation:
  // a CDR's dstchannel is the party the channel was bridged to.
  if (disposition === 'answered' && col(r, 'dstchannel') === '') return 'unanswered';
  return disposition;
}

function integer(text: string): number | null {
  return /^\d+$/.test(text) ? Number(text) : null;
}

/** What reading Master.csv rows gathers before the legs are grouped into calls. */
export interface AsteriskRows {
  legs: CallLeg[];
  skipped: RowIssue[];
  errors: RowIssue[];
}

export function parseAsteriskMasterCsv(records: CsvRecord[], opts: ImportOptions): ParsedCallFile {
  const rows: AsteriskRows = { legs: [], skipped: [], errors: [] };
  readAsteriskRows(records, opts, rows);
  return asteriskCalls(rows);
}

/** Groups the legs read so far into calls (a call's legs may sit anywhere in the file). */
export function asteriskCalls(rows: AsteriskRows): ParsedCallFile {
  return { format: 'asterisk', ...collectCalls(rows.legs), skipped: rows.skipped, errors: rows.errors, fileError: null };
}

/** Reads cdr-csv rows into `into`, row by row: a big file can be read in slices. */
export function readAsteriskRows(records: CsvRecord[], opts: ImportOptions, into: AsteriskRows): void {
  const { legs, skipped, errors } = into;
  const topo = opts.topology ?? DEFAULT_TOPOLOGY;
  const timeZone = opts.cdrTimeBase === 'utc' ? 'UTC' : opts.timeZone;
  for (const r of records) {
    const fail = (message: string, reason: string, params?: ErrorParams): void => void errors.push({ line: r.line, message, reason, ...(params ? { params } : {}) });
    if (r.fields.length < MIN_COLUMNS || r.fields.length > MAX_COLUMNS) {
      fail(`expected ${MIN_COLUMNS}–${MAX_COLUMNS} cdr-csv columns, found ${r.fields.length}`, ROW.columns, { expected: `${MIN_COLUMNS}–${MAX_COLUMNS}`, found: r.fields.length });
      continue;
    }
    const startText = col(r, 'start');
    // cdr_csv always writes "YYYY-MM-DD HH:MM:SS"; anything else was edited by hand and is not trusted.
    const startedAt = WALL_TIME.test(startText) ? parseDateTime(startText, timeZone) : null;
    if (startedAt === null) {
      fail(`start: cannot read "${startText}" as a date and time`, ROW.dateTime, { column: 'start', value: startText });
      continue;
    }
    const duration = integer(col(r, 'duration'));
    const billsec = integer(col(r, 'billsec'));
    if (duration === null || billsec === null || billsec > duration) {
      fail(`duration/billsec: "${col(r, 'duration')}"/"${col(r, 'billsec')}" are not whole seconds with billsec ≤ duration`, ROW.billsec, { duration: col(r, 'duration'), billsec: col(r, 'billsec') });
      continue;
    }
    const meaning = meaningOf(r);
    if (meaning === null) {
      fail(`disposition: unknown value "${col(r, 'disposition')}"`, ROW.unknownValue, { column: 'disposition', value: col(r, 'disposition') });
      continue;
    }
    const src = phoneDigits(col(r, 'src'));
    const dst = phoneDigits(col(r, 'dst'));
    const channel = col(r, 'channel');
    const direction = contextDirection(col(r, 'dcontext')) ?? channelDirection(channel, src, dst, topo);
    if (direction === 'internal') {
      skipped.push({ line: r.line, message: 'internal call between extensions' });
      continue;
    }
    if (direction === null) {
      fail(`src/dst/dcontext: cannot tell whether "${src}" → "${dst}" (${col(r, 'dcontext')}) was incoming or outgoing`, ROW.direction, { from: src, to: dst });
      continue;
    }
    const answered = meaning === 'answered';
    // Voicemail picks up the line: ringing stops at its answer time, and the message is not talk time.
    const ringSeconds = answered || meaning === 'voicemail' ? duration - billsec : duration;
    const timeout = ringTimeoutOf(col(r, 'lastapp'), col(r, 'lastdata'));
    const abandonWithinSeconds = timeout !== null ? timeout - 1 : (opts.abandonWithinSeconds ?? DEFAULT_ABANDON_WITHIN_SECONDS);
    const key = callKeyOf(r.fields);
    const dstchannel = col(r, 'dstchannel');
    const extension =
      direction === 'in'
        ? (deskOfChannel(dstchannel, topo) ?? (isDeskNumber(dst, topo) ? dst : null))
        : (deskOfChannel(channel, topo) ?? (isDeskNumber(src, topo) ? src : null));
    legs.push({
      line: r.line,
      key,
      rowText: r.fields.join('\u001f'),
      // A Local/ helper "answers" when the desk behind it does; its own leg has no talk time (the desk's leg has it).
      helper: isLocalChannel(dstchannel) || isLocalChannel(channel),
      call: {
        direction,
        fromNumber: src,
        toNumber: dst,
        startedAt,
        ringSeconds,
        talkSeconds: answered ? billsec : 0,
        result: resolveResult(meaning, { ringSeconds, callerHungUp: null, abandonWithinSeconds }),
        extension,
        source: 'asterisk',
        sourceId: key ?? rowHash(r.fields),
        note: '',
      },
    });
  }
}
