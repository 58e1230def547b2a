import { toE164, type Region } from '../../patients/phone';
import { fold, wordsOf } from './foldText';

/**
 * What the receptionist typed in the search box, understood once:
 * - a phone number in any format ("+48 601 234 567", "601234567", "0048601234567", "601-234")
 *   becomes an exact E.164 candidate plus a digit run that stored E.164 values must contain;
 * - any text becomes a safe FTS5 MATCH expression with prefix matching (typing "ross" finds Rossi).
 */
export interface PhoneMatch {
  /** Exact E.164 when the digits form a complete number in the clinic's region (or carry a prefix). */
  e164: string | null;
  /** Digits an E.164 value must contain, e.g. "48601234567" or, while typing, "601234". */
  digits: string;
}

export interface SearchQuery {
  raw: string;
  phone: PhoneMatch | null;
  /** FTS5 MATCH expression, or null when there is nothing searchable in the text. */
  fts: string | null;
  /** Folded words, for ranking and highlighting. */
  terms: string[];
}

export const MIN_PHONE_DIGITS = 6;
const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 64;

export function analyzeSearchQuery(raw: string, region: Region): SearchQuery {
  const text = raw.trim().slice(0, 200);
  const terms = [...new Set(wordsOf(text).map((w) => fold(w).slice(0, MAX_TERM_LENGTH)))].slice(0, MAX_TERMS);
  return { raw: text, phone: phoneMatch(text, region), fts: ftsMatchExpression(terms), terms };
}

/** Only separators people type inside phone numbers; anything else means it is text. */
const PHONE_SHAPE = /^\+?[\d\s().\-/]+$/;

export function phoneMatch(text: string, region: Region): PhoneMatch | null {
  if (!PHONE_SHAPE.test(text)) return null;
  let digits = text.replace(/\D/g, '');
  if (text.startsWith('+')) {
    // Already international.
  } else if (digits.startsWith('00')) {
    digits = digits.slice(2);
  }
  if (digits.length < MIN_PHONE_DIGITS) return null;
  const e164 = toE164(text, region);
  // A national trunk prefix ("07700 900123" in the UK) is not part of the E.164 form.
  if (e164 && !e164.includes(digits)) {
    const withoutTrunk = digits.replace(/^0+/, '');
    if (withoutTrunk.length >= MIN_PHONE_DIGITS && e164.includes(withoutTrunk)) digits = withoutTrunk;
  }
  return { e164, digits };
}

/**
 * Builds the MATCH expression from already-split words. Every word is emitted as a quoted string,
 * so FTS5 syntax typed by the user (quotes, *, ^, NEAR, AND/OR/NOT, parentheses, column filters)
 * is never interpreted; words are ANDed. Words of two letters or more match as prefixes; a single
 * letter only as a whole word, because a one-letter prefix scan over a million messages is slow.
 */
export function ftsMatchExpression(terms: string[]): string | null {
  const parts = terms
    .filter((t) => /^[\p{L}\p{N}]+$/u.test(t))
    .map((t) => `"${t}"${t.length >= 2 ? '*' : ''}`);
  return parts.length ? parts.join(' ') : null;
}

/** Words of this length or more are matched as prefixes through the vocabulary (see termsWithPrefix). */
export const EXPAND_FROM = 4;

/**
 * The MATCH expression for messages: like ftsMatchExpression, except that a word of 4 letters or more
 * becomes the OR of the indexed words it starts (`expansions`, from the vocabulary) — FTS5 reads those
 * lazily newest first, while `"word"*` makes it merge every matching doclist first. Null when a word
 * starts no indexed word (nothing can match).
 */
export function messageMatchExpression(terms: string[], expansions: ReadonlyMap<string, string[]>): string | null {
  const parts: string[] = [];
  for (const t of terms) {
    if (!/^[\p{L}\p{N}]+$/u.test(t)) continue;
    if (t.length < EXPAND_FROM) {
      parts.push(`"${t}"${t.length >= 2 ? '*' : ''}`);
      continue;
    }
    const words = (expansions.get(t) ?? []).filter((w) => /^[\p{L}\p{N}]+$/u.test(w));
    if (!words.length) return null;
    parts.push(words.length === 1 ? `"${words[0]}"` : `(${words.map((w) => `"${w}"`).join(' OR ')})`);
  }
  return parts.length ? parts.join(' AND ') : null;
}

/** The words of a query that messageMatchExpression expands. */
export const termsToExpand = (terms: string[]): string[] => terms.filter((t) => t.length >= EXPAND_FROM && /^[\p{L}\p{N}]+$/u.test(t));
