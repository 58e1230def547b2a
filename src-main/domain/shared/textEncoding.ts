/**
 * Reads a text file whatever encoding the clinic's PC wrote it in: UTF-8 (with or without BOM), UTF-16 (BOM,
 * or the NUL pattern Excel's "Unicode text" leaves), or, for CSV exported by older Windows programs, the
 * Windows code page of Central (1250: Polish) or Western Europe (1252: Italian). Anything else is refused with
 * a message naming what was found, instead of storing "�ukasz". Pure: the renderer and the CLI share it.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1250' | 'windows-1252';

export type DecodedText = { text: string; encoding: TextEncodingName; error?: undefined } | { text?: undefined; encoding?: undefined; error: string };

const decode = (bytes: Uint8Array, enc: TextEncodingName, fatal = true): string | null => {
  try {
    return new TextDecoder(enc, { fatal }).decode(bytes);
  } catch {
    return null;
  }
};

/** Letters only Polish uses (1250), and letters Italian/French/German/Spanish use (1252). */
const POLISH = /[ąćęłńśźżĄĆĘŁŃŚŹŻ]/gu;
const WESTERN = /[àèéìíòóùúÀÈÉÌÒÙäöüßÄÖÜçñÇÑ]/gu;
const count = (s: string, re: RegExp): number => s.match(re)?.length ?? 0;
/** Characters a real text export never holds: C1 controls, and symbols a wrong code page turns letters into. */
const ODD = /[\u0080-\u009f¤¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿×÷ˇ˘˛˝]/gu;

function singleByte(bytes: Uint8Array): DecodedText {
  const pl = decode(bytes, 'windows-1250', false) ?? '';
  const we = decode(bytes, 'windows-1252', false) ?? '';
  const plScore = count(pl, POLISH) * 2 + count(pl, WESTERN) - count(pl, ODD) * 3;
  const weScore = count(we, WESTERN) * 2 - count(we, ODD) * 3;
  if (plScore <= 0 && weScore <= 0) {
    return { error: 'the file is neither UTF-8 nor UTF-16 and does not read as Windows-1250 or Windows-1252 text: save it again as "CSV UTF-8"' };
  }
  return plScore > weScore ? { text: pl, encoding: 'windows-1250' } : { text: we, encoding: 'windows-1252' };
}

export function decodeTextFile(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decode(bytes.subarray(3), 'utf-8');
    return text === null ? { error: 'the file starts as UTF-8 but holds bytes that are not UTF-8' } : { text, encoding: 'utf-8' };
  }
  for (const [a, b, enc] of [[0xff, 0xfe, 'utf-16le'], [0xfe, 0xff, 'utf-16be']] as const) {
    if (bytes[0] === a && bytes[1] === b) {
      const text = decode(bytes.subarray(2), enc);
      return text === null ? { error: `the file starts as ${enc.toUpperCase()} but is damaged` } : { text, encoding: enc };
    }
  }
  // UTF-16 without a BOM: every other byte of ASCII text is 0.
  const sample = bytes.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  const half = sample.length / 2;
  if (half > 0 && (oddZeros > half * 0.6 || evenZeros > half * 0.6)) {
    const enc = oddZeros > evenZeros ? 'utf-16le' : 'utf-16be';
    const text = decode(bytes, enc);
    if (text !== null) return { text, encoding: enc };
  }
  if (evenZeros + oddZeros > 0) return { error: 'the file holds binary data (NUL bytes), not text: export it as CSV' };
  const utf8 = decode(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  return singleByte(bytes);
}
