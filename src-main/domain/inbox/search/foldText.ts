import { foldChar } from '../../../db/textFold';

/**
 * Case- and accent-insensitive comparison exactly as the FTS5 index sees text: the index holds text
 * folded by db/textFold.ts ("Niccolò" ~ "niccolo", "Dzień" ~ "dzien", "przełożyć" ~ "przelozyc",
 * "Straße" ~ "strasse"), so highlights never disagree with the index. Folding is per UTF-16 unit with
 * a map back to the original offsets, so highlights land on the text as written.
 */
export { foldChar };

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

export { fold } from '../../../db/textFold';

/** Words as the FTS tokenizer splits them: runs of letters and digits. */
export function wordsOf(text: string): string[] {
  return text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
}
