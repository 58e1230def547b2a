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
