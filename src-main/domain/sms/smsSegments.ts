/**
 * How many SMS a text costs, following GSM 03.38 / 3GPP TS 23.040: GSM-7 carries 160 septets in one
 * SMS or 153 per part when concatenated (the UDH takes 7); anything GSM-7 cannot carry switches the
 * whole message to UCS-2: 70 UTF-16 code units in one SMS, 67 per part. Pure and Node-free, so the
 * composer's live counter and the CLI give the same answer.
 */
import { gsmSeptets } from './gsmAlphabet';
import { transliterateDetailed } from './transliterate';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SegmentCount {
  encoding: SmsEncoding;
  /** Number of SMS billed; 0 for an empty text. */
  segments: number;
  /** User-visible characters (grapheme clusters), so a flag or a family emoji counts as one. */
  characters: number;
  /** Septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2 (an emoji counts 2). */
  units: number;
  /** Capacity of each segment in units: 160/153 for GSM-7, 70/67 for UCS-2. */
  perSegment: number;
  /** Units still free in the last segment before another one is needed. */
  remaining: number;
  /** The first character GSM-7 cannot carry: the reason for UCS-2. Null for GSM-7. */
  ucs2Because: string | null;
  /** Every distinct character GSM-7 cannot carry, in order of appearance. */
  nonGsm: string[];
}

const GSM_SINGLE = 160;
const GSM_MULTI = 153;
const UCS2_SINGLE = 70;
const UCS2_MULTI = 67;

/**
 * Counts parts by packing characters the way handsets and SMSCs do: a character never straddles two
 * parts (an escape pair, a surrogate pair or a whole grapheme cluster moves to the next part), so a part
 * may hold a few units less than its capacity.
 */
function packParts(costs: readonly number[], capacity: number): { parts: number; lastUsed: number } {
  let parts = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > capacity) {
      parts += 1;
      used = 0;
    }
    used += cost;
  }
  return { parts, lastUsed: used };
}

/**
 * User-perceived characters (Unicode grapheme clusters, UAX #29): a flag, a skin-toned or family emoji,
 * a letter with combining accents. Handsets and Twilio (message-segment-calculator: SegmentedMessage splits
 * the text into graphemes before filling segments) never split one across two parts.
 */
const graphemes = (text: string): string[] =>
  // CR LF is one cluster in UAX #29, but two characters (two septets, two units) on every SMS counter, Twilio's included.
  Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (s) => s.segment).flatMap((g) => (g === '\r\n' ? ['\r', '\n'] : [g]));

export function countSegments(text: string): SegmentCount {
  const clusters = graphemes(text);
  const nonGsm: string[] = [];
  const septetCosts: number[] = [];
  for (const cluster of clusters) {
    let cost = 0;
    for (const ch of cluster) {
      const c = gsmSeptets(ch);
      if (c === null) {
        if (!nonGsm.includes(ch)) nonGsm.push(ch);
        cost = Number.NaN;
      } else cost += c;
    }
    if (!Number.isNaN(cost)) septetCosts.push(cost);
  }

  const gsm = nonGsm.length === 0;
  const costs = gsm ? septetCosts : clusters.map((g) => g.length);
  const single = gsm ? GSM_SINGLE : UCS2_SINGLE;
  const multi = gsm ? GSM_MULTI : UCS2_MULTI;
  const units = costs.reduce((a, b) => a + b, 0);

  let segments: number;
  let perSegment: number;
  let remaining: number;
  if (units === 0) {
    segments = 0;
    perSegment = single;
    remaining = single;
  } else if (units <= single) {
    segments = 1;
    perSegment = single;
    remaining = single - units;
  } else {
    const packed = packParts(costs, multi);
    segments = packed.parts;
    perSegment = multi;
    remaining = multi - packed.lastUsed;
  }

  return {
    encoding: gsm ? 'GSM-7' : 'UCS-2',
    segments,
    characters: clusters.length,
    units,
    perSegment,
    remaining,
    ucs2Because: nonGsm[0] ?? null,
    nonGsm,
  };
}

/** True when the clinic should be warned before sending: the text costs more SMS than it allows. */
export const exceedsSegmentLimit = (count: SegmentCount, maxSegments: number): boolean => count.segments > maxSegments;

export { transliterate, transliterateDetailed, type Transliteration } from './transliterate';

export interface SmsPreview {
  /** The text that will actually be sent. */
  sent: string;
  count: SegmentCount;
  /** Replacements transliteration made (empty when off). */
  changes: Array<{ from: string; to: string }>;
}

/** What the composer shows and the sender sends: the text after the clinic's transliteration setting, and its cost. */
export function previewSms(text: string, opts: { transliterate: boolean }): SmsPreview {
  if (!opts.transliterate) return { sent: text, count: countSegments(text), changes: [] };
  const t = transliterateDetailed(text);
  return { sent: t.text, count: countSegments(t.text), changes: t.changes };
}
