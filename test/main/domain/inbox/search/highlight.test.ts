import { describe, expect, it } from 'vitest';
import { highlightRanges, mergeRanges, phoneHighlightRanges, splitByRanges } from '../../../../../src-main/domain/inbox/search/highlight';

describe('highlightRanges', () => {
  it.each([
    ['Buongiorno, vorrei spostare la visita', ['spost'], [[19, 24]]],
    // Terms arrive folded (db/textFold.ts): ł is l, ß is ss, so highlights agree with the folded index.
    ['Łukasz Nowak', ['lukasz'], [[0, 6]]],
    ['Straße Dąbrowski', ['strasse', 'dab'], [[0, 6], [7, 10]]],
    ['Niccolò Rossi', ['niccolo', 'ross'], [[0, 7], [8, 12]]],
    ['a visit to the visitor', ['visit'], [[2, 7], [15, 20]]],
    ['revisit', ['visit'], []],
    ['Dzień dobry', ['dzien', 'dzie'], [[0, 5]]],
    ['', ['x'], []],
    ['anything', [], []],
  ] as const)('%j with %j', (text, terms, expected) => {
    expect(highlightRanges(text, [...terms])).toEqual(expected);
  });
});

describe('phoneHighlightRanges', () => {
  it.each([
    ['+48 601 234 567', '601234', [[4, 11]]],
    ['+48 601 234 567', '48601234567', [[1, 15]]],
    ['+48 601 234 567', '999', []],
    ['+48 601 234 567', '', []],
  ] as const)('%s / %s', (text, digits, expected) => {
    expect(phoneHighlightRanges(text, digits)).toEqual(expected);
  });
});

describe('mergeRanges and splitByRanges', () => {
  it('merges overlapping and touching ranges', () => {
    expect(mergeRanges([[5, 8], [0, 2], [1, 3], [8, 9]])).toEqual([[0, 3], [5, 9]]);
  });

  it('splits text into plain and highlighted pieces that join back to the text', () => {
    const parts = splitByRanges('Anna Rossi', [[5, 10]]);
    expect(parts).toEqual([{ text: 'Anna ', hit: false }, { text: 'Rossi', hit: true }]);
    expect(parts.map((p) => p.text).join('')).toBe('Anna Rossi');
  });
});
