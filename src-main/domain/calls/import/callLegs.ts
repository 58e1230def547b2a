import type { CallDirection, NormalizedCall } from '../callTypes';
import { resolveResult, type StatusMeaning } from './classifyCall';
import { rowHash, type ParsedCall, type ParsedCallFile } from './importTypes';

/**
 * PBX exports write one row per leg: a ring group that rings three desks gives three Asterisk CDRs with
 * the same uniqueid, a queue call gives several 3CX rows with the same Call ID. The call log wants one
 * call per caller attempt, so legs sharing a key are merged; rows repeated verbatim are reported as duplicates.
 */
export interface CallLeg {
  line: number;
  /** The PBX's call id shared by legs of one call; null when the row has none (its own hash is its id). */
  key: string | null;
  /** The row's raw fields joined: identical text means the same row exported twice. */
  rowText: string;
  /** A dialplan helper leg (Asterisk Local/ channel): its "answer" is the desk's behind it, without the talk time. */
  helper?: boolean;
  call: NormalizedCall;
}

/** What a CSV call log row says once its cells are read (3CX call log, generic CSV). */
export interface CsvCallRow {
  line: number;
  fields: readonly string[];
  /** The PBX's call id, '' when the export has none. */
  id: string;
  direction: CallDirection;
  from: string;
  to: string;
  startedAt: number;
  ringSeconds: number;
  talkSeconds: number;
  meaning: StatusMeaning;
  abandonWithinSeconds: number;
  extension: string | null;
  source: '3cx' | 'generic';
  /** Cells that identify a row without a call id (its hash becomes the call's source id). */
  identity: readonly string[];
  note: string;
}

/** One leg from a CSV row: only an answered call has talk time; unanswered ones are abandoned or missed by ring time. */
export function csvCallLeg(r: CsvCallRow): CallLeg {
  return {
    line: r.line,
    key: r.id || null,
    rowText: r.fields.join('\u001f'),
    call: {
      direction: r.direction,
      fromNumber: r.from,
      toNumber: r.to,
      startedAt: r.startedAt,
      ringSeconds: r.ringSeconds,
      talkSeconds: r.meaning === 'answered' ? r.talkSeconds : 0,
      result: resolveResult(r.meaning, { ringSeconds: r.ringSeconds, callerHungUp: null, abandonWithinSeconds: r.abandonWithinSeconds }),
      extension: r.extension,
      source: r.source,
      sourceId: r.id || rowHash(r.identity),
      note: r.note,
    },
  };
}

const endOf = (c: NormalizedCall): number => c.startedAt + (c.ringSeconds + c.talkSeconds) * 1000;

export function mergeCallLegs(legs: CallLeg[]): NormalizedCall {
  const first = legs.reduce((a, b) => (b.call.startedAt < a.call.startedAt ? b : a)).call;
  const end = Math.max(...legs.map((l) => endOf(l.call)));
  // The person who answered: a real desk's leg before a Local/ helper's, then the longest talk, so the row order
  // of the export never decides (ring groups through Local/ channels write the helper's 0-second leg first).
  const answered = legs
    .filter((l) => l.call.result === 'answered')
    .sort((a, b) => Number(a.helper ?? false) - Number(b.helper ?? false) || b.call.talkSeconds - a.call.talkSeconds)[0]?.call;
  const note = legs.map((l) => l.call.note).find((n) => n !== '') ?? '';
  if (answered) {
    const ringSeconds = Math.max(0, Math.round((answered.startedAt - first.startedAt) / 1000) + answered.ringSeconds);
    return { ...first, toNumber: answered.toNumber, extension: answered.extension, result: 'answered', ringSeconds, talkSeconds: answered.talkSeconds, note };
  }
  const voicemail = legs.find((l) => l.call.result === 'voicemail')?.call;
  // A desk that rang to its timeout makes the call missed, whatever a dialplan leg written after it says
  // (Asterisk writes a 0-second Hangup leg once the ring group gives up).
  const rangOut = legs.find((l) => l.call.result === 'missed')?.call;
  const last = voicemail ?? rangOut ?? legs.reduce((a, b) => (endOf(b.call) >= endOf(a.call) ? b : a)).call;
  return {
    ...first,
    result: last.result,
    extension: last.extension ?? first.extension,
    ringSeconds: Math.round((end - first.startedAt) / 1000),
    talkSeconds: 0,
    note,
  };
}

/** Groups legs into calls (in file order of their first leg) and reports rows repeated verbatim. */
export function collectCalls(legs: CallLeg[]): Pick<ParsedCallFile, 'calls' | 'duplicates'> {
  const seenRows = new Map<string, number>();
  const duplicates: ParsedCallFile['duplicates'] = [];
  const groups = new Map<string, CallLeg[]>();
  const order: Array<{ line: number; key: string }> = [];
  for (const leg of legs) {
    const sameAs = seenRows.get(leg.rowText);
    if (sameAs !== undefined) {
      duplicates.push({ line: leg.line, sameAsLine: sameAs });
      continue;
    }
    seenRows.set(leg.rowText, leg.line);
    const key = leg.key ?? `row:${leg.call.sourceId}`;
    const group = groups.get(key);
    if (group) group.push(leg);
    else {
      groups.set(key, [leg]);
      order.push({ line: leg.line, key });
    }
  }
  const calls: ParsedCall[] = order.map(({ line, key }) => {
    const group = groups.get(key) as CallLeg[];
    return { line, call: group.length === 1 ? (group[0] as CallLeg).call : mergeCallLegs(group) };
  });
  return { calls, duplicates };
}
