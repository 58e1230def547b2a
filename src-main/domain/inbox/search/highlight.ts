import { foldWithMap } from './foldText';

/** Half-open [start, end) offsets into the text as written. */
export type Range = [number, number];

/**
 * Where the search terms appear in a text: at the start of a word, as prefixes, ignoring case and
 * accents, exactly as FTS5 prefix queries match. Overlapping hits are merged.
 */
export function highlightRanges(text: string, terms: string[]): Range[] {
  const { folded, origin } = foldWithMap(text);
  const ranges: Range[] = [];
  for (const term of terms) {
    if (!term) continue;
    let from = 0;
    for (;;) {
      const at = folded.indexOf(term, from);
      if (at < 0) break;
      from = at + 1;
      if (at > 0 && /[\p{L}\p{N}]/u.test(folded[at - 1]!)) continue;
      const last = origin[at + term.length - 1]!;
      ranges.push([origin[at]!, last + 1]);
    }
  }
  return mergeRanges(ranges);
}

/** Ranges covering a digit run inside a formatted number ("+48 601 234 567" for digits "601234"). */
export function phoneHighlightRanges(text: string, digits: string): Range[] {
  if (!digits) return [];
  const positions: number[] = [];
  let onlyDigits = '';
  for (let i = 0; i < text.length; i++) {
    if (/\d/.test(text[i]!)) {
      onlyDigits += text[i];
      positions.push(i);
    }
  }
  const ranges: Range[] = [];
  let from = 0;
  for (;;) {
    const at = onlyDigits.indexOf(digits, from);
    if (at < 0) break;
    ranges.push([positions[at]!, positions[at + digits.length - 1]! + 1]);
    from = at + digits.length;
  }
  return ranges;
}

export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Range[] = [];
  for (const r of sorted) {
    const prev = out[out.length - 1];
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Splits a text into plain and highlighted pieces, for rendering. */
export function splitByRanges(text: string, ranges: Range[]): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  let pos = 0;
  for (const [s, e] of ranges) {
    if (s > pos) parts.push({ text: text.slice(pos, s), hit: false });
    parts.push({ text: text.slice(s, e), hit: true });
    pos = e;
  }
  if (pos < text.length) parts.push({ text: text.slice(pos), hit: false });
  return parts;
}
