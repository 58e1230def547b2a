import type { CallDirection } from '../callTypes';
import { inferDirection } from './callDirection';
import { collectCalls, type CallLeg } from './callLegs';
import { DEFAULT_ABANDON_WITHIN_SECONDS, resolveResult, statusMeaning, type StatusMeaning } from './classifyCall';
import type { CsvRecord } from './csvTokenizer';
import { looksLikeExtension, parseDateTime, phoneDigits } from './fieldParsers';
import { rowHash, type ImportOptions, type ParsedCallFile, type RowIssue } from './importTypes';

/**
 * Asterisk / FreePBX cdr-csv `Master.csv`: no header, the fixed cdr_csv column order below, times in the
 * PBX's local time ("2024-03-12 09:15:02"), one row per leg. With `newcdrcolumns` peeraccount, linkedid
 * and sequence follow userfield.
 */
export const MASTER_CSV_COLUMNS = [
  'accountcode', 'src', 'dst', 'dcontext', 'clid', 'channel', 'dstchannel', 'lastapp', 'lastdata',
  'start', 'answer', 'end', 'duration', 'billsec', 'disposition', 'amaflags', 'uniqueid', 'userfield',
  'peeraccount', 'linkedid', 'sequence',
] as const;
const MIN_COLUMNS = 15;

type Column = (typeof MASTER_CSV_COLUMNS)[number];
const col = (r: CsvRecord, name: Column): string => (r.fields[MASTER_CSV_COLUMNS.indexOf(name)] ?? '').trim();

const DISPOSITIONS = /^(ANSWERED|NO ANSWER|BUSY|FAILED|CONGESTION)$/;
const WALL_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

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
    return `no row has the ${MIN_COLUMNS}–${MASTER_CSV_COLUMNS.length} cdr-csv columns (the first has ${first.fields.length}); is this a Master.csv, and is its delimiter a comma?`;
  }
  return null;
}

/** Contexts FreePBX and typical hand-written dialplans use for calls from the outside / to the outside. */
function contextDirection(dcontext: string): CallDirection | null {
  if (/from-(trunk|pstn|did|external|sip-external)|ext-did|incoming|inbound/i.test(dcontext)) return 'in';
  if (/outbound|outrt|from-internal-xfer|macro-dialout/i.test(dcontext)) return 'out';
  return null;
}

/** Party A on a desk's channel placed the call; party A on a trunk called in (dst is then a DID or "s"). */
function channelDirection(channel: string, src: string, dst: string): CallDirection | 'internal' | null {
  if (channel === '') return inferDirection(src, dst);
  const callerIsDesk = extensionOfChannel(channel) !== null || looksLikeExtension(src);
  if (!callerIsDesk) return 'in';
  return looksLikeExtension(dst) ? 'internal' : 'out';
}

/** "PJSIP/101-0000002a", "SIP/101-0a1b", "Local/101@from-queue-000001;1" → "101". */
export function extensionOfChannel(channel: string): string | null {
  const m = /^[A-Za-z0-9]+\/(\d{2,6})(?=[-@;])/.exec(channel.trim());
  return m ? (m[1] as string) : null;
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
  // Queue() answers the trunk to play music on hold: "ANSWERED" without an agent channel is a caller left waiting.
  if (/^queue$/i.test(col(r, 'lastapp')) && col(r, 'dstchannel') === '') return 'unanswered';
  return statusMeaning(col(r, 'disposition'));
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
  for (const r of records) {
    const fail = (message: string): void => void errors.push({ line: r.line, message });
    if (r.fields.length < MIN_COLUMNS || r.fields.length > MASTER_CSV_COLUMNS.length) {
      fail(`expected ${MIN_COLUMNS}–${MASTER_CSV_COLUMNS.length} cdr-csv columns, found ${r.fields.length}`);
      continue;
    }
    const startText = col(r, 'start');
    // cdr_csv always writes "YYYY-MM-DD HH:MM:SS"; anything else was edited by hand and is not trusted.
    const startedAt = WALL_TIME.test(startText) ? parseDateTime(startText, opts.timeZone) : null;
    if (startedAt === null) {
      fail(`start: cannot read "${startText}" as a date and time`);
      continue;
    }
    const duration = integer(col(r, 'duration'));
    const billsec = integer(col(r, 'billsec'));
    if (duration === null || billsec === null || billsec > duration) {
      fail(`duration/billsec: "${col(r, 'duration')}"/"${col(r, 'billsec')}" are not whole seconds with billsec ≤ duration`);
      continue;
    }
    const meaning = meaningOf(r);
    if (meaning === null) {
      fail(`disposition: unknown value "${col(r, 'disposition')}"`);
      continue;
    }
    const src = phoneDigits(col(r, 'src'));
    const dst = phoneDigits(col(r, 'dst'));
    const direction = contextDirection(col(r, 'dcontext')) ?? channelDirection(col(r, 'channel'), src, dst);
    if (direction === 'internal') {
      skipped.push({ line: r.line, message: 'internal call between extensions' });
      continue;
    }
    if (direction === null) {
      fail(`src/dst/dcontext: cannot tell whether "${src}" → "${dst}" (${col(r, 'dcontext')}) was incoming or outgoing`);
      continue;
    }
    const answered = meaning === 'answered';
    // Voicemail picks up the line: ringing stops at its answer time, and the message is not talk time.
    const ringSeconds = answered || meaning === 'voicemail' ? duration - billsec : duration;
    const timeout = ringTimeoutOf(col(r, 'lastapp'), col(r, 'lastdata'));
    const abandonWithinSeconds = timeout !== null ? timeout - 1 : (opts.abandonWithinSeconds ?? DEFAULT_ABANDON_WITHIN_SECONDS);
    const key = col(r, 'linkedid') || col(r, 'uniqueid') || null;
    const extension =
      direction === 'in'
        ? (extensionOfChannel(col(r, 'dstchannel')) ?? (looksLikeExtension(dst) ? dst : null))
        : (extensionOfChannel(col(r, 'channel')) ?? (looksLikeExtension(src) ? src : null));
    legs.push({
      line: r.line,
      key,
      rowText: r.fields.join('\u001f'),
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
