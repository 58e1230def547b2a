import { describe, expect, it } from 'vitest';
import { highlightRanges } from '../../../../../src-main/domain/inbox/search/highlight';
import { snippetAround } from '../../../../../src-main/domain/inbox/search/snippet';

describe('snippetAround', () => {
  it('returns a short text as it is', () => {
    expect(snippetAround('Buongiorno', [[0, 4]])).toEqual({ text: 'Buongiorno', ranges: [[0, 4]] });
  });

  it('cuts a long text around the first hit and moves the ranges with it', () => {
    const text = `${'lorem ipsum '.repeat(30)}vorrei spostare la visita di domani ${'dolor sit '.repeat(30)}`;
    const snip = snippetAround(text, highlightRanges(text, ['spost']), 80);
    expect(snip.text.startsWith('…')).toBe(true);
    expect(snip.text.endsWith('…')).toBe(true);
    expect(snip.text.length).toBeLessThanOrEqual(82);
    const [s, e] = snip.ranges[0]!;
    expect(snip.text.slice(s, e)).toBe('spost');
  });

  it('collapses line breaks and keeps the highlight on the word', () => {
    const text = 'Dzień dobry,\n\n  czy mogę przełożyć wizytę?';
    const snip = snippetAround(text, highlightRanges(text, ['wizyt']));
    expect(snip.text).toBe('Dzień dobry, czy mogę przełożyć wizytę?');
    const [s, e] = snip.ranges[0]!;
    expect(snip.text.slice(s, e)).toBe('wizyt');
  });
});
