export type Namespaces = Record<string, Record<string, unknown>>;

/** `../locales/<lang>/<area>.json` modules → { area: strings }: each file is one i18next namespace. */
export function namespaces(files: Record<string, { default: Record<string, unknown> }>): Namespaces {
  const out: Namespaces = {};
  for (const [file, mod] of Object.entries(files)) {
    const m = /\/([\w-]+)\.json$/.exec(file);
    if (m) out[m[1]!] = mod.default;
  }
  return out;
}
