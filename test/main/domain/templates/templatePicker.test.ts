import { describe, expect, it } from 'vitest';
import { filterTemplates, insertAtToken, slashTokenAt, type PickerEntry } from '../../../../src-main/domain/templates/templatePicker';

describe('slashTokenAt', () => {
  it.each([
    ['/or', 3, { start: 0, query: 'or' }],
    ['/', 1, { start: 0, query: '' }],
    ['Buongiorno /ora', 15, { start: 11, query: 'ora' }],
    ['Buongiorno /ora e poi', 15, { start: 11, query: 'ora' }],
    ['Dzień dobry\n/godz', 17, { start: 12, query: 'godz' }],
    ['/години', 7, { start: 0, query: 'години' }],
    ['https://studio.it/orari', 23, null],
    ['1/2', 3, null],
    ['/orari oggi', 11, null],
  ])('%j at %i', (text, caret, expected) => {
    expect(slashTokenAt(text, caret)).toEqual(expected);
  });
});

describe('filterTemplates', () => {
  const entries: PickerEntry[] = [
    { id: 1, name: 'Orari di apertura', category: 'hours', shortcodes: ['orari', 'godziny', 'hours'], usageCount: 3 },
    { id: 2, name: 'Fuori orario', category: 'out_of_hours', shortcodes: ['chiuso', 'zamkniete', 'closed'], usageCount: 10 },
    { id: 3, name: 'Avviso di ritardo', category: 'delay', shortcodes: ['ritardo', 'opoznienie', 'delay'], usageCount: 0 },
    { id: 4, name: 'Prenotazione', category: 'booking', shortcodes: ['prenota', 'wizyta', 'book'], usageCount: 7 },
  ];
  const ids = (q: string, limit?: number): number[] => filterTemplates(entries, q, limit).map((e) => e.id);

  it.each([
    ['orari', [1, 2]],
    ['godziny', [1]],
    ['GODZ', [1]],
    ['opóźn', [3]],
    ['za', [2]],
    ['ora', [1, 2]],
    ['fuori', [2]],
    ['zzz', []],
  ])('"%s" → %j', (q, expected) => {
    expect(ids(q)).toEqual(expected);
  });

  it('an empty query lists the most used first, up to the limit', () => {
    expect(ids('', 3)).toEqual([2, 4, 1]);
  });
});

describe('insertAtToken', () => {
  it('replaces the token and puts the caret after the insertion', () => {
    const text = 'Buongiorno /ora grazie';
    const token = slashTokenAt(text, 15);
    expect(token).not.toBeNull();
    expect(insertAtToken(text, token!, 'I nostri orari: lun–ven')).toEqual({ text: 'Buongiorno I nostri orari: lun–ven grazie', caret: 34 });
  });
});
