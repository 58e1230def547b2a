/**
 * Template rendering shared by every area that sends text to patients (canned replies, auto-replies,
 * delay notices, text-backs, reminders). Pure and free of Node imports so the renderer can use it too.
 *
 * Placeholder syntax: `{{path.to.var}}` or `{{path.to.var|fallback text}}`. A variable is missing when
 * its value is null, undefined, an empty/blank string or a non-finite number; then the fallback is
 * used, and without a fallback the placeholder is left verbatim and the variable is listed in
 * `missing` so that the caller refuses to send rather than letting a patient receive "{{…}}".
 */

import { numberFormat } from '../shared/intlCache';

export type TemplateVars = Record<string, string | number | null | undefined>;

export interface RenderResult {
  text: string;
  /** Variables with no value and no fallback, in order of first appearance, without duplicates. */
  missing: string[];
}

/** One `{{…}}` occurrence. `fallback` is null when the placeholder has no `|`. */
export interface Placeholder {
  raw: string;
  name: string;
  fallback: string | null;
  index: number;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*(?:\|([^{}]*))?\}\}/g;

/** Every well-formed placeholder in `body`, in order. */
export function findPlaceholders(body: string): Placeholder[] {
  const found: Placeholder[] = [];
  for (const m of body.matchAll(PLACEHOLDER)) {
    found.push({ raw: m[0], name: m[1] ?? '', fallback: m[2] === undefined ? null : m[2].trim(), index: m.index ?? 0 });
  }
  return found;
}

function valueText(value: string | number | null | undefined, locale: string | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return locale ? numberFormat(locale).format(value) : String(value);
  }
  return value.trim() === '' ? null : value;
}

export function renderTemplate(body: string, vars: TemplateVars, opts: { locale?: string } = {}): RenderResult {
  const missing: string[] = [];
  const text = body.replace(PLACEHOLDER, (raw: string, name: string, fallback: string | undefined) => {
    const value = valueText(vars[name], opts.locale);
    if (value !== null) return value;
    if (fallback !== undefined) return fallback.trim();
    if (!missing.includes(name)) missing.push(name);
    return raw;
  });
  return { text, missing };
}

export interface PickedVariant {
  /** The key of the chosen variant as stored in `variants`. */
  language: string;
  body: string;
  /** True when the patient's own language was unknown or had no variant. */
  fellBack: boolean;
}

/** "pl-PL", "PL", "pt_BR" → "pl", "pl", "pt": variants are per language, not per region. */
export function baseLanguage(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * Chooses the variant in the patient's language, else the first language of `fallbackChain`
 * (typically the clinic's default language, then English) that has a non-blank variant.
 * Returns null when none of them has one.
 */
export function pickVariant(
  variants: Record<string, string>,
  language: string | null,
  fallbackChain: string[],
): PickedVariant | null {
  const byBase = new Map<string, string>();
  for (const [key, body] of Object.entries(variants)) {
    const base = baseLanguage(key);
    if (body.trim() !== '' && base !== '' && !byBase.has(base)) byBase.set(base, key);
  }
  const wanted = language ? baseLanguage(language) : null;
  const order = [...(wanted ? [wanted] : []), ...fallbackChain.map(baseLanguage)];
  for (const base of order) {
    const key = byBase.get(base);
    if (key !== undefined) {
      return { language: key, body: variants[key] ?? '', fellBack: base !== wanted };
    }
  }
  return null;
}
