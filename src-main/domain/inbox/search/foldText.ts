/**
 * Case- and accent-insensitive comparison exactly as the FTS5 index sees text (unicode61 with
 * remove_diacritics): "Niccolò" ~ "niccolo", "Dzień" ~ "dzien". Like unicode61, letters that are
 * not a base letter plus a mark ("ł", "ø") stay themselves, so highlights never disagree with the
 * index. Folding is per UTF-16 unit with a map back to the original offsets, so highlights land
 * on the text as written.
 */
export function foldChar(ch: string): string {
  return ch.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

export interface FoldedText {
  folded: string;
  /** origin[i] = offset in the original text of folded[i]. */
  origin: number[];
}

export function foldWithMap(text: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const f = foldChar(text[i]!);
    folded += f;
    for (let k = 0; k < f.length; k++) origin.push(i);
  }
  return { folded, origin };
}

export const fold = (text: string): string => foldWithMap(text).folded;

/** Words as the FTS tokenizer splits them: runs of letters and digits. */
export function wordsOf(text: string): string[] {
  return text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
}
