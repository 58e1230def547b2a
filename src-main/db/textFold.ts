/**
 * THE text folding of search: lower case, every diacritic removed, and the Latin letters that are not a
 * base letter plus a mark spelt the way people type them without a Polish, Croatian, Nordic or German
 * keyboard ("ł"→"l", "đ"→"d", "ø"→"o", "ß"→"ss", "æ"→"ae"…). Pure and dependency-free: the database folds
 * message text with it before indexing (SQL function `desk_fold`, see sqlFunctions.ts) and the search
 * folds the query with it, so "przelozyc" finds "przełożyć".
 */
const SPECIAL: Record<string, string> = {
  ł: 'l', đ: 'd', ð: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ħ: 'h', ı: 'i', ŀ: 'l', ŧ: 't', ŋ: 'n', ĸ: 'k', ſ: 's',
};

/** One UTF-16 unit folded (may become 0, 1 or 2 characters). Remembered: a text has few distinct letters. */
const folded = new Map<string, string>();
export function foldChar(ch: string): string {
  let f = folded.get(ch);
  if (f === undefined) {
    const base = ch.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
    f = base.length === 1 ? (SPECIAL[base] ?? base) : [...base].map((c) => SPECIAL[c] ?? c).join('');
    if (folded.size < 20_000) folded.set(ch, f);
  }
  return f;
}

const ASCII_PLAIN = /^[\x00-\x7f]*$/;

export function fold(text: string): string {
  if (ASCII_PLAIN.test(text)) return text.toLowerCase();
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]!);
  return out;
}
