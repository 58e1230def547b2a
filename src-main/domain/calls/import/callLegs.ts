import type { NormalizedCall } from '../callTypes';
import type { ParsedCall, ParsedCallFile } from './importTypes';

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
  call: NormalizedCall;
}

const endOf = (c: NormalizedCall): number => c.startedAt + (c.ringSeconds + c.talkSeconds) * 1000;

export function mergeCallLegs(legs: CallLeg[]): NormalizedCall {
  const first = legs.reduce((a, b) => (b.call.startedAt < a.call.startedAt ? b : a)).call;
  const end = Math.max(...legs.map((l) => endOf(l.call)));
  const answered = legs.find((l) => l.call.result === 'answered')?.call;
  const note = legs.map((l) => l.call.note).find((n) => n !== '') ?? '';
  if (answered) {
    const ringSeconds = Math.max(0, Math.round((answered.startedAt - first.startedAt) / 1000) + answered.ringSeconds);
    return { ...first, toNumber: answered.toNumber, extension: answered.extension, result: 'answered', ringSeconds, talkSeconds: answered.talkSeconds, note };
  }
  const voicemail = legs.find((l) => l.call.result === 'voicemail')?.call;
  const last = voicemail ?? legs.reduce((a, b) => (endOf(b.call) >= endOf(a.call) ? b : a)).call;
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
