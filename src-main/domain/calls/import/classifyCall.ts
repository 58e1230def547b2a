import type { CallResult } from '../callTypes';

/** Default N: an unanswered call shorter than this was hung up by the caller, a longer one rang out. */
export const DEFAULT_ABANDON_WITHIN_SECONDS = 20;

/** What a PBX status word says; `unanswered` still has to be split into missed vs. abandoned. */
export type StatusMeaning = CallResult | 'unanswered';

const STATUS_WORDS: Array<[RegExp, StatusMeaning]> = [
  [/voice\s*-?mail|^vm$|segreteria|poczta/i, 'voicemail'],
  [/busy|occupato|zaj[eę]t/i, 'busy'],
  [/abandon|cancel|caller\s*hang|hung\s*up/i, 'abandoned'],
  [/^(no\s*answer|noanswer|unanswered|missed|not\s*answered|failed|congestion|chanunavail|persa|nieodebran)/i, 'unanswered'],
  [/^(answered|answer|connected|completed|ok|risposta|odebran)/i, 'answered'],
];

/** Maps the status words of 3CX, Asterisk and typical spreadsheets (EN/IT/PL); null when unknown. */
export function statusMeaning(raw: string): StatusMeaning | null {
  const text = raw.trim();
  if (text === '') return null;
  for (const [pattern, meaning] of STATUS_WORDS) if (pattern.test(text)) return meaning;
  return null;
}

export interface UnansweredFacts {
  ringSeconds: number;
  /** True/false when the PBX says who hung up (AMI DialStatus CANCEL = the caller); null when it does not. */
  callerHungUp: boolean | null;
  /** N: the ring timeout, from the PBX (Dial timeout) or the clinic's setting. */
  abandonWithinSeconds: number;
}

/**
 * Abandoned (the caller gave up before anyone answered) vs. missed (rang out). When the PBX does not say
 * who hung up, a call that ended before the ring timeout N was ended by the caller.
 */
export function classifyUnanswered(f: UnansweredFacts): 'missed' | 'abandoned' {
  if (f.callerHungUp !== null) return f.callerHungUp ? 'abandoned' : 'missed';
  return f.ringSeconds < f.abandonWithinSeconds ? 'abandoned' : 'missed';
}

/** The final result of a call from its status meaning and timings. */
export function resolveResult(meaning: StatusMeaning, facts: UnansweredFacts): CallResult {
  return meaning === 'unanswered' ? classifyUnanswered(facts) : meaning;
}
