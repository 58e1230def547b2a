import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countSegments } from '../../../../src-main/domain/sms/smsSegments';

/** Twilio's own segment calculator cases (test/fixtures/real/SOURCES.md); `{x:N}` expands to N characters. */
const data = JSON.parse(readFileSync('test/fixtures/real/sms/twilio-segment-cases.json', 'utf8')) as {
  cases: { name: string; body: string; encoding: string; segments: number; characters?: number }[];
};
const expand = (body: string): string =>
  body.replace(/\{([^:}]+):(\d+)\}/g, (_m, what: string, n: string) => {
    const count = Number(n);
    if (what === 'digits' || what === 'digits2') {
      const start = what === 'digits' ? 1 : 2;
      return Array.from({ length: count }, (_, i) => String((start + i) % 10)).join('');
    }
    return what.repeat(count);
  });

describe("segment counts match Twilio's calculator", () => {
  it.each(data.cases)('$name', ({ body, encoding, segments, characters }) => {
    const c = countSegments(expand(body));
    expect(c.encoding).toBe(encoding);
    expect(c.segments).toBe(segments);
    if (characters !== undefined) expect(c.characters).toBe(characters);
  });

  it('a flag on the 67-unit boundary of a long message moves whole to the next part', () => {
    // 65 units, 🇮🇹 (two code points, 4 units), 64 units: code-point packing put half the flag in part 1 (65 + 2 = 67)
    // and counted 2 parts; the flag moves whole, part 2 then needs 4 + 64 = 68 > 67 units: 3 parts.
    const text = `${'ł'.repeat(65)}🇮🇹${'ł'.repeat(64)}`;
    expect(countSegments(text).segments).toBe(3);
  });
});
