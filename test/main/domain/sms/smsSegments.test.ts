import { describe, expect, it } from 'vitest';
import { gsmSeptets } from '../../../../src-main/domain/sms/gsmAlphabet';
import { countSegments, exceedsSegmentLimit, previewSms } from '../../../../src-main/domain/sms/smsSegments';

const a = (n: number): string => 'a'.repeat(n);
const l = (n: number): string => 'ł'.repeat(n);

describe('GSM 03.38 alphabet', () => {
  it('has 127 basic characters (128 codes minus the escape) and 10 extension characters', () => {
    let basic = 0;
    let ext = 0;
    for (let cp = 0; cp < 0x3000; cp++) {
      const cost = gsmSeptets(String.fromCodePoint(cp));
      if (cost === 1) basic++;
      if (cost === 2) ext++;
    }
    expect(basic).toBe(127);
    expect(ext).toBe(10);
  });
});

describe('countSegments', () => {
  // [label, text, encoding, segments, units, characters, remaining, ucs2Because]
  const cases: Array<[string, string, 'GSM-7' | 'UCS-2', number, number, number, number, string | null]> = [
    ['empty', '', 'GSM-7', 0, 0, 0, 160, null],
    ['one character', 'a', 'GSM-7', 1, 1, 1, 159, null],
    ['exactly 160 GSM', a(160), 'GSM-7', 1, 160, 160, 0, null],
    ['161 GSM -> two parts of 153', a(161), 'GSM-7', 2, 161, 161, 145, null],
    ['306 GSM fills two parts', a(306), 'GSM-7', 2, 306, 306, 0, null],
    ['307 GSM -> three parts', a(307), 'GSM-7', 3, 307, 307, 152, null],
    ['euro counts two septets', '€', 'GSM-7', 1, 2, 1, 158, null],
    ['brackets and braces count two each', '[]{}', 'GSM-7', 1, 8, 4, 152, null],
    ['all ten extension characters', '\f^{}\\[~]|€', 'GSM-7', 1, 20, 10, 140, null],
    ['158 + euro = 160 septets, one SMS', a(158) + '€', 'GSM-7', 1, 160, 159, 0, null],
    ['159 + euro = 161 septets, two SMS', a(159) + '€', 'GSM-7', 2, 161, 160, 145, null],
    ['escape pair never split: moves whole to the next part', a(152) + '€' + a(152), 'GSM-7', 3, 306, 305, 152, null],
    ['Greek capitals and currency are basic', 'ΔΦΓΛΩΠΨΣΘΞ£$¥¤§¿¡', 'GSM-7', 1, 17, 17, 143, null],
    ['CR LF are one septet each', 'a\r\nb', 'GSM-7', 1, 4, 4, 156, null],
    ['Italian accents GSM-7 has', 'Perché è così, città più giù', 'GSM-7', 1, 28, 28, 132, null],
    ['Italian capital È is not GSM-7', 'È pronto', 'UCS-2', 1, 8, 8, 62, 'È'],
    ['German and Spanish letters GSM-7 has', 'Müßig Ñandú ÄÖÜ', 'UCS-2', 1, 15, 15, 55, 'ú'],
    ['Polish letter forces UCS-2', 'Dzień dobry', 'UCS-2', 1, 11, 11, 59, 'ń'],
    ['first offending character is named', 'Wizyta jutro, zapłata gotówką', 'UCS-2', 1, 29, 29, 41, 'ł'],
    ['one emoji: two code units, one character', '😀', 'UCS-2', 1, 2, 1, 68, '😀'],
    ['emoji in a GSM text', 'Ciao! 😀', 'UCS-2', 1, 8, 7, 62, '😀'],
    ['exactly 70 UCS-2', l(70), 'UCS-2', 1, 70, 70, 0, 'ł'],
    ['71 UCS-2 -> two parts of 67', l(71), 'UCS-2', 2, 71, 71, 63, 'ł'],
    ['134 UCS-2 fills two parts', l(134), 'UCS-2', 2, 134, 134, 0, 'ł'],
    ['surrogate pair never split', l(66) + '😀' + l(66), 'UCS-2', 3, 134, 133, 66, 'ł'],
    ['GSM text with one Polish letter: 160 units in UCS-2', a(159) + 'ł', 'UCS-2', 3, 160, 160, 41, 'ł'],
    ['extension character costs one unit in UCS-2', '€ł', 'UCS-2', 1, 2, 2, 68, 'ł'],
    ['tab is not GSM-7', 'a\tb', 'UCS-2', 1, 3, 3, 67, '\t'],
    ['backtick is not GSM-7', '`', 'UCS-2', 1, 1, 1, 69, '`'],
    ['lowercase ç is not GSM-7 (the table has Ç)', 'ç', 'UCS-2', 1, 1, 1, 69, 'ç'],
    ['capital Ç is GSM-7', 'Ç', 'GSM-7', 1, 1, 1, 159, null],
    ['decomposed accent: one character, a non-GSM code point', 'e\u0300', 'UCS-2', 1, 2, 1, 68, '\u0300'],
  ];

  it.each(cases)('%s', (_label, text, encoding, segments, units, characters, remaining, because) => {
    const c = countSegments(text);
    expect(c.encoding).toBe(encoding);
    expect(c.segments).toBe(segments);
    expect(c.units).toBe(units);
    expect(c.characters).toBe(characters);
    expect(c.remaining).toBe(remaining);
    expect(c.ucs2Because).toBe(because);
  });

  it('uses 153/67 per part only when concatenated', () => {
    expect(countSegments(a(160)).perSegment).toBe(160);
    expect(countSegments(a(161)).perSegment).toBe(153);
    expect(countSegments(l(70)).perSegment).toBe(70);
    expect(countSegments(l(71)).perSegment).toBe(67);
  });

  it('lists every distinct non-GSM character in order', () => {
    expect(countSegments('Zażółć gęślą jaźń 😀').nonGsm).toEqual(['ż', 'ó', 'ł', 'ć', 'ę', 'ś', 'ą', 'ź', 'ń', '😀']);
  });

  it('warns only above the limit', () => {
    expect(exceedsSegmentLimit(countSegments(a(306)), 2)).toBe(false);
    expect(exceedsSegmentLimit(countSegments(a(307)), 2)).toBe(true);
  });
});

describe('previewSms', () => {
  it('sends the text unchanged when transliteration is off', () => {
    const p = previewSms('Zażółć', { transliterate: false });
    expect(p).toMatchObject({ sent: 'Zażółć', changes: [], count: { encoding: 'UCS-2', ucs2Because: 'ż' } });
  });

  it('turns a Polish text back into one GSM-7 SMS when on', () => {
    const text = 'Przypominamy o wizycie jutro o 10:30 w gabinecie. Prosimy o potwierdzenie. Zażółć gęślą jaźń — dziękujemy!';
    expect(countSegments(text)).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    const p = previewSms(text, { transliterate: true });
    expect(p.sent).toBe('Przypominamy o wizycie jutro o 10:30 w gabinecie. Prosimy o potwierdzenie. Zazolc gesla jazn - dziekujemy!');
    expect(p.count).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(p.changes).toContainEqual({ from: 'ł', to: 'l' });
  });
});
