import { readdirSync, readFileSync, statSync } from 'node:fs';
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

/** Every `'errors-<area>:key'` reason the server writes, with the file it is in. */
const reasons = sources(join(ROOT, 'src-main')).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/'(errors-[a-z-]+):(\w+)'/g)].map((m) => ({ file: file.slice(ROOT.length + 1), ns: m[1]!, key: m[2]! })),
);

describe('error reasons the server sends', () => {
  it('are found (the scan works)', () => expect(reasons.length).toBeGreaterThan(20));

  it.each(['it', 'pl', 'en'])('exist in %s', (lang) => {
    const missing = reasons.filter(({ ns, key }) => {
      const strings = JSON.parse(readFileSync(join(LOCALES, lang, `${ns}.json`), 'utf8')) as Record<string, unknown>;
      return typeof strings[key] !== 'string';
    });
    expect(missing).toEqual([]);
  });
});
