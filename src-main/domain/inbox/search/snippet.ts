import type { Range } from './highlight';

/**
 * A window of a long message around its first hit, with the highlight ranges moved to match.
 * Cuts at word boundaries where it can and marks the cuts with an ellipsis.
 */
export function snippetAround(text: string, ranges: Range[], width = 160): { text: string; ranges: Range[] } {
  const flat = text.replace(/\s+/g, ' ');
  if (flat.length !== text.length) return snippetAround(flat, rangesAfterFlatten(text, ranges), width);
  if (text.length <= width) return { text, ranges };
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, Math.min(first - Math.floor(width / 3), text.length - width));
  if (start > 0) {
    const space = text.lastIndexOf(' ', start + 10);
    if (space > start - 20 && space < first) start = space + 1;
  }
  let end = Math.min(text.length, start + width);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + width / 2) end = space;
  }
  const lead = start > 0 ? '…' : '';
  const shift = lead.length - start;
  return {
    text: `${lead}${text.slice(start, end)}${end < text.length ? '…' : ''}`,
    ranges: ranges.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s + shift, e + shift]),
  };
}

/** Collapsing whitespace runs shifts offsets; map each range through the collapse. */
function rangesAfterFlatten(text: string, ranges: Range[]): Range[] {
  const map: number[] = [];
  let out = 0;
  for (let i = 0; i < text.length; i++) {
    map.push(out);
    const ws = /\s/.test(text[i]!);
    if (!(ws && i > 0 && /\s/.test(text[i - 1]!))) out++;
  }
  map.push(out);
  return ranges.map(([s, e]) => [map[s]!, map[e - 1]! + 1]);
}
