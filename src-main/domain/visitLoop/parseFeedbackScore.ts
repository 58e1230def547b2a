/**
 * A 1–5 score in an answer to the feedback request: "4", "5!", "voto 3", "4/5", "⭐⭐⭐⭐", "ocena 2, długo czekałem".
 * The first digit 1–5 standing alone wins; stars count when there is no digit. Null when there is no score.
 */
export function parseFeedbackScore(text: string): number | null {
  const digit = /(?:^|[^\d])([1-5])(?:\s*\/\s*5)?(?![\d.,:]\d)/u.exec(text);
  if (digit) return Number(digit[1]);
  const stars = (text.match(/⭐|★/gu) ?? []).length;
  if (stars >= 1 && stars <= 5) return stars;
  const words: Record<string, number> = { uno: 1, due: 2, tre: 3, quattro: 4, cinque: 5, jeden: 1, dwa: 2, trzy: 3, cztery: 4, piec: 5, pięć: 5, one: 1, two: 2, three: 3, four: 4, five: 5 };
  const first = text.trim().toLowerCase().split(/[^\p{L}]+/u)[0] ?? '';
  return words[first] ?? null;
}
