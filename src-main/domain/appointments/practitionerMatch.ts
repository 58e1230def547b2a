/**
 * An imported practitioner name matched to one the clinic already has, so "dr. rossi", "Dott. Rossi" or
 * "Dr Rossì" does not create a second Dr Rossi. Titles, dots, case and accents are ignored; a name that
 * still matches nobody is new. Pure.
 */
const TITLES = new Set(['dr', 'dott', 'dottssa', 'dottoressa', 'dottore', 'prof', 'lek', 'dent', 'med', 'mgr', 'doc', 'doctor', 'dra', 'drssa']);

export function practitionerKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '' && !TITLES.has(w))
    .join(' ');
}

export function matchPractitioner<T extends { name: string }>(name: string, existing: readonly T[]): T | null {
  const key = practitionerKey(name);
  if (key === '') return null;
  return existing.find((p) => practitionerKey(p.name) === key) ?? null;
}

/** Edit distance between two short strings (names), for spotting typos. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The existing practitioner a new name is probably a typo of ("Dr Rosi" → "Dr Rossi"): within 1 edit for
 * short names, 2 from 8 letters. Only a hint for the desk; it never matches by itself, since two real
 * doctors may differ by one letter.
 */
export function similarPractitioner<T extends { name: string }>(name: string, existing: readonly T[]): T | null {
  const key = practitionerKey(name);
  if (key.length < 3) return null;
  const limit = key.length >= 8 ? 2 : 1;
  let best: { p: T; d: number } | null = null;
  for (const p of existing) {
    const d = distance(key, practitionerKey(p.name));
    if (d <= limit && (!best || d < best.d)) best = { p, d };
  }
  return best?.p ?? null;
}
