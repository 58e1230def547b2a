/**
 * 3CX CDR output (Settings → CDR, "output to file" or the CDR socket), the call records IT can point at the
 * desk instead of exporting the Call History report. 3CX writes one row per call, no header, in the field
 * order of its default template (3CX docs "CDR – Call Data Records"; the same order 3CX-Cdr-Server configures):
 *   historyid, callid, duration, time-start, time-answered, time-end, reason-terminated, from-no, to-no,
 *   from-dn, to-dn, dial-no, reason-changed, final-number, final-dn, bill-code, bill-rate, bill-cost,
 *   bill-name, chain, from-type, to-type, final-type, from-dispname, to-dispname, final-dispname,
 *   missed-queue-calls
 * A call is answered by a person only when it ENDED at a desk (final-type Extension, or Internal on older
 * versions, and final-dn inside the desk range of the settings): a digital receptionist (IVR) or a queue that
 * answered and then routed the caller is not a person, and a call that ended in voicemail was not answered.
 */
import type { CallDirection } from '../callTypes';
import { collectCalls, type CallLeg } from './callLegs';
import { DEFAULT_ABANDON_WITHIN_SECONDS, resolveResult, type StatusMeaning } from './classifyCall';
import type { CsvRecord } from './csvTokenizer';
import { parseDateTime, parseDurationSeconds, phoneDigits } from './fieldParsers';
import { type ImportOptions, type ParsedCallFile, type RowIssue } from './importTypes';
import { DEFAULT_TOPOLOGY, isDeskNumber } from './pbxTopology';

const F = {
  historyId: 0, callId: 1, duration: 2, start: 3, answered: 4, end: 5, reasonTerminated: 6, fromNo: 7, toNo: 8,
  fromDn: 9, toDn: 10, dialNo: 11, reasonChanged: 12, finalNumber: 13, finalDn: 14, fromType: 20, toType: 21, finalType: 22,
} as const;

/** `Call 9744` in the first cell and the 23 fields up to final-type. */
export function looksLikeThreeCxCdr(r: CsvRecord): boolean {
  return r.fields.length >= 23 && /^Call \d+$/.test((r.fields[0] ?? '').replace(/^\uFEFF/, '').trim());
}

/** "Ext.185" → internal; "0611360468" → external; system ends ("EndCall", "VMail", "IVR…") are neither a desk nor a caller. */
const isExtensionNo = (no: string): boolean => /^Ext\./i.test(no.trim());

/** From the party's type (V18+: Extension, Queue, Ivr, VoiceMail, Line/External…; older: Internal/External). */
function partyIsInternal(type: string, no: string): boolean {
  const t = type.trim().toLowerCase();
  if (t === 'external' || t === 'line' || t === 'outboundrule') return false;
  if (t !== '') return true;
  return isExtensionNo(no);
}

export function parseThreeCxCdr(records: CsvRecord[], opts: ImportOptions): ParsedCallFile {
  const topology = opts.topology ?? DEFAULT_TOPOLOGY;
  const abandonWithinSeconds = opts.abandonWithinSeconds ?? DEFAULT_ABANDON_WITHIN_SECONDS;
  const legs: CallLeg[] = [];
  const skipped: RowIssue[] = [];
  const errors: RowIssue[] = [];
  for (const r of records) {
    const cell = (i: number): string => (r.fields[i] ?? '').replace(/^\uFEFF/, '').trim();
    if (!looksLikeThreeCxCdr(r)) {
      errors.push({ line: r.line, message: `not a 3CX CDR row: ${r.fields.length} fields, first "${cell(0)}" (expected "Call <number>" and 27 fields)` });
      continue;
    }
    const startedAt = parseDateTime(cell(F.start), opts.timeZone, opts.dateOrder);
    const endedAt = parseDateTime(cell(F.end), opts.timeZone, opts.dateOrder);
    if (startedAt === null || endedAt === null) {
      errors.push({ line: r.line, message: `time-start/time-end: cannot read "${cell(startedAt === null ? F.start : F.end)}" as a date and time` });
      continue;
    }
    // "MakeCall" is 3CX ringing the desk first for its own click-to-call: not a caller.
    if (!isExtensionNo(cell(F.fromNo)) && !/\d/.test(cell(F.fromNo))) {
      skipped.push({ line: r.line, message: `"${cell(F.fromNo)}" is a 3CX system party, not a caller` });
      continue;
    }
    const answeredAt = cell(F.answered) === '' ? null : parseDateTime(cell(F.answered), opts.timeZone, opts.dateOrder);
    const callerInside = partyIsInternal(cell(F.fromType), cell(F.fromNo));
    const finalNo = cell(F.finalNumber) || cell(F.toNo);
    const finalType = (cell(F.finalType) || cell(F.toType)).toLowerCase();
    const endInside = partyIsInternal(finalType, finalNo);
    let direction: CallDirection;
    if (!callerInside) direction = 'in';
    else if (!endInside) direction = 'out';
    else {
      skipped.push({ line: r.line, message: 'internal call between extensions' });
      continue;
    }
    const finalDn = cell(F.finalDn) || cell(F.toDn);
    const voicemail = finalType === 'voicemail' || /^(vmail|voice\s*mail)/i.test(finalNo) || /^vm/i.test(finalDn);
    // The person at the end of the call: an Extension (V18+), or an Internal party (older) inside the desk range.
    const endsAtDesk = (finalType === 'extension' || finalType === 'internal' || finalType === '') && isExtensionNo(finalNo) && isDeskNumber(finalDn, topology);
    const talkSeconds = parseDurationSeconds(cell(F.duration)) ?? 0;
    let meaning: StatusMeaning;
    if (direction === 'out') meaning = answeredAt !== null ? 'answered' : /busy/i.test(cell(F.reasonTerminated)) ? 'busy' : 'unanswered';
    else if (voicemail) meaning = 'voicemail';
    else if (answeredAt !== null && endsAtDesk) meaning = 'answered';
    else meaning = /busy/i.test(cell(F.reasonTerminated)) ? 'busy' : 'unanswered';
    const answered = meaning === 'answered';
    const ringSeconds = Math.max(0, Math.round(((answered && answeredAt !== null ? answeredAt : endedAt) - startedAt) / 1000));
    // TerminatedBySrc / Failed_Cancelled: the caller hung up (3CX "reason-terminated").
    const callerHungUp = /^(TerminatedBySrc|Failed_Cancelled)$/i.test(cell(F.reasonTerminated));
    const from = isExtensionNo(cell(F.fromNo)) ? cell(F.fromDn) : phoneDigits(cell(F.fromNo));
    // An outgoing call that 3CX ended itself ("EndCall") keeps the number the desk dialled.
    const to = direction === 'out' ? phoneDigits(finalNo) || phoneDigits(cell(F.dialNo)) : /^\d+$/.test(finalDn) ? finalDn : '';
    legs.push({
      line: r.line,
      key: cell(F.callId) || null,
      rowText: r.fields.join('\u001f'),
      call: {
        direction,
        fromNumber: from,
        toNumber: to,
        startedAt,
        ringSeconds,
        talkSeconds: answered ? talkSeconds : 0,
        result: resolveResult(meaning, { ringSeconds, callerHungUp: meaning === 'unanswered' ? callerHungUp : null, abandonWithinSeconds }),
        extension: direction === 'out' ? cell(F.fromDn) || null : endsAtDesk ? finalDn : null,
        source: '3cx',
        sourceId: cell(F.historyId),
        note: '',
      },
    });
  }
  return { format: '3cx', ...collectCalls(legs), skipped, errors, fileError: null };
}
