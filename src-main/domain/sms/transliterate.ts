/**
 * Optional per-clinic transliteration: replaces characters GSM-7 cannot carry by their nearest GSM-7
 * look-alike, so an SMS in Polish or Italian stays at 160 characters per SMS instead of 70.
 * Characters GSM-7 already has (è é ù ì ò à Ä Ö Ü ñ ß …) are kept: changing them would lose
 * information for no saving. What has no look-alike (emoji, Cyrillic) is kept as it is.
 */
import { gsmSeptets } from './gsmAlphabet';

/** Look-alikes that Unicode decomposition does not give (ł has no combining mark) and typography pasted from word processors. */
const EXPLICIT: Readonly<Record<string, string>> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ħ: 'h',
  Ħ: 'H',
  ı: 'i',
  ŀ: 'l',
  Ŀ: 'L',
  œ: 'oe',
  Œ: 'OE',
  þ: 'th',
  Þ: 'TH',
  ð: 'd',
  ç: 'c',
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u2032': "'",
  '`': "'",
  '´': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2033': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u2022': '-',
  '\u00A0': ' ',
  '\u2007': ' ',
  '\u2009': ' ',
  '\u202F': ' ',
  '\t': ' ',
  '\u200B': '',
  '\uFEFF': '',
};

const COMBINING_MARKS = /[\u0300-\u036f]/g;

const allGsm = (s: string): boolean => Array.from(s).every((ch) => gsmSeptets(ch) !== null);

/** The GSM-7 replacement for one character, or null when it has none (or needs none). */
function replacementFor(ch: string): string | null {
  if (gsmSeptets(ch) !== null) return null;
  const explicit = EXPLICIT[ch];
  if (explicit !== undefined) return explicit;
  const stripped = ch.normalize('NFD').replace(COMBINING_MARKS, '');
  if (stripped !== ch && stripped.length > 0 && allGsm(stripped)) return stripped;
  return null;
}

export interface Transliteration {
  text: string;
  /** Each distinct replacement made, in order of first appearance, for the "shown before sending" preview. */
  changes: Array<{ from: string; to: string }>;
  /** Characters still outside GSM-7 after transliteration (the message stays UCS-2 because of them). */
  kept: string[];
}

export function transliterateDetailed(text: string): Transliteration {
  const changes: Array<{ from: string; to: string }> = [];
  const kept: string[] = [];
  let out = '';
  // NFC first so that "e" + combining grave typed on some keyboards is seen as the GSM-7 "è".
  for (const ch of Array.from(text.normalize('NFC'))) {
    const rep = replacementFor(ch);
    if (rep !== null) {
      out += rep;
      if (!changes.some((c) => c.from === ch)) changes.push({ from: ch, to: rep });
    } else {
      out += ch;
      if (gsmSeptets(ch) === null && !kept.includes(ch)) kept.push(ch);
    }
  }
  return { text: out, changes, kept };
}

export const transliterate = (text: string): string => transliterateDetailed(text).text;
