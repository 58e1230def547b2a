import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../../..');
const LOCALES = join(ROOT, 'src-renderer/i18n/locales');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/**
 * Every reason the server writes, with the file it is in: any `'errors-<area>:key'` literal (also in a table of
 * reasons or a ternary), and any `reason: 'ns:key'` or `reason: 'area.key'` (then the `errors` namespace). Keys may
 * be nested (`notFound.patient`).
 */
const reasons = sources(join(ROOT, 'src-main')).flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  const at = file.slice(ROOT.length + 1);
  const areaReasons = [...text.matchAll(/'(errors-[a-z-]+):([\w.]+)'/g)].map((m) => ({ file: at, ns: m[1]!, key: m[2]! }));
  // `reason` also names skip and disconnect causes ('no_consent'): an error reason has a namespace or an area ('calls.x').
  // errors.ts only shows the form in its doc comment.
  const named = at.endsWith('shared/errors.ts')
    ? []
    : [...text.matchAll(/\breason:\s*'(?:([a-z][\w-]*):)?([\w.]+)'/g)].filter((m) => m[1] || m[2]!.includes('.')).map((m) => ({ file: at, ns: m[1] ?? 'errors', key: m[2]! }));
  return [...areaReasons, ...named];
});

const lookup = (strings: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((node, step) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[step] : undefined), strings);

describe('error reasons the server sends', () => {
  it('are found (the scan works)', () => {
    expect(reasons.length).toBeGreaterThan(100);
    expect(reasons).toContainEqual(expect.objectContaining({ ns: 'errors-detail', key: 'notFound.patient' }));
    expect(reasons).toContainEqual(expect.objectContaining({ ns: 'users', key: 'errors.nameTaken' }));
  });

  it.each(['it', 'pl', 'en'])('exist in %s', (lang) => {
    const missing = reasons.filter(({ ns, key }) => {
      const file = join(LOCALES, lang, `${ns}.json`);
      if (!existsSync(file)) return true;
      return typeof lookup(JSON.parse(readFileSync(file, 'utf8')), key) !== 'string';
    });
    expect(missing).toEqual([]);
  });
});
