/** The shapes of the call log, shared by importers, the live AMI feed, manual entry and WhatsApp. */

export const CALL_DIRECTIONS = ['in', 'out'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/**
 * `missed` rang out (nobody picked up before the ring timeout); `abandoned` means the caller hung up
 * before anyone answered — kept apart because they call for different fixes (staffing vs. queue length).
 */
export const CALL_RESULTS = ['answered', 'missed', 'abandoned', 'voicemail', 'busy'] as const;
export type CallResult = (typeof CALL_RESULTS)[number];

export const CALL_SOURCES = ['manual', '3cx', 'asterisk', 'generic', 'ami', 'whatsapp', 'demo'] as const;
export type CallSource = (typeof CALL_SOURCES)[number];

/** One call as every feed hands it to the call service; numbers are as the PBX wrote them (normalised later). */
export interface NormalizedCall {
  direction: CallDirection;
  fromNumber: string;
  toNumber: string;
  startedAt: number;
  ringSeconds: number;
  talkSeconds: number;
  result: CallResult;
  /** The desk / extension that rang or placed the call. */
  extension: string | null;
  source: CallSource;
  /** Stable id within the source: re-importing or re-receiving the same call must not store it twice. */
  sourceId: string;
  note: string;
}

/** The outside party's number: the caller for incoming calls, the callee for outgoing ones. */
export function externalNumber(call: Pick<NormalizedCall, 'direction' | 'fromNumber' | 'toNumber'>): string {
  return call.direction === 'in' ? call.fromNumber : call.toNumber;
}

/** Incoming calls nobody talked to: these open a callback task. */
export function isUnansweredIncoming(call: Pick<NormalizedCall, 'direction' | 'result'>): boolean {
  return call.direction === 'in' && call.result !== 'answered';
}
