import { describe, expect, it } from 'vitest';
import { transliterate, transliterateDetailed } from '../../../../src-main/domain/sms/transliterate';

describe('transliterate', () => {
  const cases: Array<[string, string, string]> = [
    ['Polish lowercase', 'zażółć gęślą jaźń', 'zazolc gesla jazn'],
    ['Polish capitals', 'ŁÓDŹ ŚWIĘTOKRZYSKA ĆMA ŃĄ Ż', 'LODZ SWIETOKRZYSKA CMA NA Z'],
    ['Italian accents GSM-7 has are kept', 'Perché è così, città più giù', 'Perché è così, città più giù'],
    ['Italian capitals GSM-7 lacks', 'È Ì Ò Ù À', 'E I O U A'],
    ['acute accents GSM-7 lacks', 'á í ó ú ý', 'a i o u y'],
    ['German letters GSM-7 has are kept', 'Müßig ÄÖÜ äöü', 'Müßig ÄÖÜ äöü'],
    ['French', 'Garçon, crème brûlée, cœur, naïve, fête', 'Garcon, crème brulée, coeur, naive, fete'],
    ['Czech and Slovak', 'Dvořák Šťastný Ďábel ľud', 'Dvorak Stastny Dabel lud'],
    ['Croatian đ', 'Đurđevac', 'Durdevac'],
    ['typographic quotes, dashes, ellipsis', '„Dzień dobry” – ‘tak’ … «ok»', '"Dzien dobry" - \'tak\' ... "ok"'],
    ['non-breaking and thin spaces', 'a\u00A0b\u202Fc\u2009d', 'a b c d'],
    ['tab becomes a space', 'a\tb', 'a b'],
    ['decomposed è is recomposed to the GSM-7 è', 'e\u0300', 'è'],
    ['emoji has no look-alike and is kept', 'Ciao 😀', 'Ciao 😀'],
    ['Cyrillic is kept', 'Привет', 'Привет'],
    ['plain GSM text unchanged', 'Hello [world] {€} ~|^\\', 'Hello [world] {€} ~|^\\'],
    ['empty', '', ''],
  ];

  it.each(cases)('%s', (_label, input, expected) => {
    expect(transliterate(input)).toBe(expected);
  });

  it('reports each distinct replacement once, and what it could not replace', () => {
    const t = transliterateDetailed('łał 😀 ł');
    expect(t.changes).toEqual([{ from: 'ł', to: 'l' }]);
    expect(t.kept).toEqual(['😀']);
  });
});
