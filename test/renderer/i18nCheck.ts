/**
 * Every UI string exists in every UI language: same namespaces, same keys, the plural forms each
 * language needs for whole numbers, the same {{placeholders}}, no empty text; and every literal
 * "namespace:key" used in the renderer's code exists. Fails naming what is missing where.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const LANGUAGES = ['it', 'pl', 'en'] as const;
const PLURAL = /_(zero|one|two|few|many|other)$/;

export type Flat = Map<string, string>;
export type Locales = Record<string, Record<string, Flat>>;

function flatten(value: unknown, prefix: string, out: Flat, problems: string[], where: string): void {
  if (typeof value === 'string') {
    if (value.trim() === '') problems.push(`${where}: "${prefix}" is empty`);
    out.set(prefix, value);
  } else if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out, problems, where);
  } else {
    problems.push(`${where}: "${prefix}" is not a string`);
  }
}

export function loadLocales(LOCALES: string): { byLang: Record<string, Record<string, Flat>>; problems: string[] } {
  const byLang: Record<string, Record<string, Flat>> = {};
  const problems: string[] = [];
  for (const lang of LANGUAGES) {
    byLang[lang] = {};
    const dir = join(LOCALES, lang);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const where = `${lang}/${file}`;
      const flat: Flat = new Map();
      try {
        flatten(JSON.parse(readFileSync(join(dir, file), 'utf8')), '', flat, problems, where);
      } catch (e) {
        problems.push(`${where}: invalid JSON (${(e as Error).message})`);
      }
      byLang[lang]![file.replace(/\.json$/, '')] = flat;
    }
  }
  return { byLang, problems };
}

/** Plural categories a language uses for whole numbers, plus "other" which i18next always wants. */
function requiredPluralForms(lang: string): string[] {
  const rules = new Intl.PluralRules(lang);
  const forms = new Set<string>(['other']);
  for (let n = 0; n <= 1000; n++) forms.add(rules.select(n));
  return [...forms].sort();
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1] ?? '').sort();

/** Base key → plural forms present, and the union of its placeholders. */
function summarise(flat: Flat): Map<string, { forms: Set<string>; vars: Set<string> }> {
  const out = new Map<string, { forms: Set<string>; vars: Set<string> }>();
  for (const [key, text] of flat) {
    const m = PLURAL.exec(key);
    const base = m ? key.slice(0, m.index) : key;
    const entry = out.get(base) ?? { forms: new Set<string>(), vars: new Set<string>() };
    if (m?.[1]) entry.forms.add(m[1]);
    for (const v of placeholders(text)) if (v !== 'count') entry.vars.add(v);
    out.set(base, entry);
  }
  return out;
}

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'locales' ? [] : sourceFiles(path);
    return /\.(tsx?|jsx?)$/.test(name) ? [path] : [];
  });
}


/** Keys, plural forms and placeholders missing in any language, as readable lines. */
export function keyProblems(byLang: Locales): string[] {
  const missing: string[] = [];
  const namespaces = new Set(LANGUAGES.flatMap((l) => Object.keys(byLang[l] ?? {})));
  for (const ns of namespaces) {
    const summaries = Object.fromEntries(LANGUAGES.map((l) => [l, byLang[l]?.[ns] ? summarise(byLang[l]![ns]!) : null]));
    const bases = new Set(LANGUAGES.flatMap((l) => [...(summaries[l]?.keys() ?? [])]));
    for (const lang of LANGUAGES) {
      const mine = summaries[lang];
      if (!mine) {
        missing.push(`${lang}/${ns}.json is missing`);
        continue;
      }
      for (const base of bases) {
        const entry = mine.get(base);
        if (!entry) {
          missing.push(`${lang}/${ns}.json: missing "${base}"`);
          continue;
        }
        const pluralElsewhere = LANGUAGES.some((l) => (summaries[l]?.get(base)?.forms.size ?? 0) > 0);
        if (pluralElsewhere) {
          for (const form of requiredPluralForms(lang)) {
            if (!entry.forms.has(form)) missing.push(`${lang}/${ns}.json: missing plural form "${base}_${form}"`);
          }
        }
        const reference = summaries.en?.get(base);
        if (reference && lang !== 'en') {
          const a = [...entry.vars].sort().join(',');
          const b = [...reference.vars].sort().join(',');
          if (a !== b) missing.push(`${lang}/${ns}.json: "${base}" uses {{${a}}} but en uses {{${b}}}`);
        }
      }
    }
  }
  return missing;
}

function keyExists(flat: Flat | undefined, key: string): boolean {
  return Boolean(flat && (flat.has(key) || [...flat.keys()].some((k) => k.startsWith(`${key}_`) && PLURAL.test(k))));
}

/** Where each `useTranslation(...)` sets the default namespace of the `t` that follows it. */
function namespaceScopes(code: string): Array<{ at: number; ns: string }> {
  const scopes: Array<{ at: number; ns: string }> = [];
  // Only a useTranslation that hands out `t` (const { t } = …, or { t: tr } = …) opens a scope.
  for (const m of code.matchAll(/\{[^{}]*\bt\b[^{}]*\}\s*=\s*useTranslation\(\s*(?:\[\s*)?(?:['"]([\w-]+)['"])?/g)) {
    scopes.push({ at: m.index ?? 0, ns: m[1] ?? 'common' });
  }
  return scopes;
}

/**
 * Literal keys the renderer asks for that do not exist in English (the reference language; keyProblems
 * holds the others to it): t('namespace:key') anywhere, t('key') under the nearest preceding
 * useTranslation('namespace'), and 'namespace:key' string literals naming a known namespace (route and
 * section labels translated elsewhere). Keys built at run time (template strings) cannot be checked here.
 */
export function codeProblems(root: string, sourceDir: string, byLang: Locales): string[] {
  const unknown: string[] = [];
  const en = byLang.en ?? {};
  const namespaces = new Set(Object.keys(en));
  for (const file of sourceFiles(sourceDir)) {
    const code = readFileSync(file, 'utf8');
    const where = relative(root, file);
    const seen = new Set<string>();
    const report = (ns: string, key: string): void => {
      const id = `${ns}:${key}`;
      if (!seen.has(id) && !keyExists(en[ns], key)) unknown.push(`${where}: ${id}`);
      seen.add(id);
    };
    const scopes = namespaceScopes(code);
    for (const m of code.matchAll(/\bt\(\s*(['"])([^'"\n]+)\1/g)) {
      const literal = m[2] ?? '';
      const colon = /^([a-z][\w-]*):([\w.-]+)$/.exec(literal);
      if (colon) {
        report(colon[1]!, colon[2]!);
        continue;
      }
      if (!/^[\w-]+(\.[\w-]+)*$/.test(literal)) continue;
      const scope = scopes.filter((s) => s.at < (m.index ?? 0)).pop();
      if (scope) report(scope.ns, literal);
    }
    for (const m of code.matchAll(/(['"])([a-z][\w-]*):([\w-]+(?:\.[\w-]+)*)\1/g)) {
      if (namespaces.has(m[2]!) && !/\bt\(\s*$/.test(code.slice(Math.max(0, (m.index ?? 0) - 20), m.index))) report(m[2]!, m[3]!);
    }
  }
  return unknown;
}
