/**
 * The composer's "/" picker: which token the caret is on, and which templates match it, best first.
 * Pure and free of Node imports: the renderer runs it on every keystroke.
 */

export interface PickerEntry {
  id: number;
  name: string;
  category: string;
  /** Every shortcode of the template, without "/": the main one and the per-language ones. */
  shortcodes: string[];
  usageCount: number;
}

export interface SlashToken {
  /** Index of the "/" in the text. */
  start: number;
  /** What follows the "/" up to the caret. */
  query: string;
}

/** The "/word" being typed at `caret`, when the "/" starts the text or follows whitespace. */
export function slashTokenAt(text: string, caret: number): SlashToken | null {
  const before = text.slice(0, caret);
  const m = /(^|\s)\/([\p{L}\p{N}_-]*)$/u.exec(before);
  if (!m) return null;
  return { start: caret - (m[2] ?? '').length - 1, query: m[2] ?? '' };
}

function fold(s: string): string {
  return s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l');
}

function rank(entry: PickerEntry, q: string): number | null {
  if (q === '') return 5;
  const codes = entry.shortcodes.map(fold);
  const name = fold(entry.name);
  if (codes.includes(q)) return 0;
  if (codes.some((c) => c.startsWith(q))) return 1;
  if (name.startsWith(q) || name.split(/\s+/).some((w) => w.startsWith(q))) return 2;
  if (codes.some((c) => c.includes(q))) return 3;
  if (name.includes(q)) return 4;
  return null;
}

/** Matching templates, best first: exact shortcode, shortcode prefix, name word, then substrings; ties by use. */
export function filterTemplates<T extends PickerEntry>(entries: readonly T[], query: string, limit = 8): T[] {
  const q = fold(query.trim());
  return entries
    .map((entry) => ({ entry, score: rank(entry, q) }))
    .filter((x): x is { entry: T; score: number } => x.score !== null)
    .sort((a, b) => a.score - b.score || b.entry.usageCount - a.entry.usageCount || a.entry.name.localeCompare(b.entry.name))
    .slice(0, limit)
    .map((x) => x.entry);
}

/** Replaces the "/query" token with the chosen text; returns the new text and where the caret goes. */
export function insertAtToken(text: string, token: SlashToken, insertion: string): { text: string; caret: number } {
  const end = token.start + 1 + token.query.length;
  const next = text.slice(0, token.start) + insertion + text.slice(end);
  return { text: next, caret: token.start + insertion.length };
}
