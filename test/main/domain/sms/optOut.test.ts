import { describe, expect, it } from 'vitest';
import { DEFAULT_OPT_OUT_CONFIRMATION, DEFAULT_OPT_OUT_KEYWORDS, confirmationText, isOptInKeyword, matchOptOut, mayBeKeyword, normalizeKeyword } from '../../../../src-main/domain/sms/optOut';

describe('matchOptOut', () => {
  const cases: Array<[string, boolean, string | null]> = [
    ['STOP', false, 'STOP'],
    ['stop', false, 'STOP'],
    ['  Stop! ', false, 'STOP'],
    ['STOP SMS', false, 'STOP SMS'],
    ['stop   sms.', false, 'STOP SMS'],
    // Answers to a reminder, not opt-outs (issue 17: "NIE" opted Polish patients out of every SMS).
    ['ANNULLA', false, null],
    ['NIE', false, null],
    ['nie.', false, null],
    ['DISISCRIVIMI', false, 'DISISCRIVIMI'],
    ['WYPISZ', true, 'WYPISZ'],
    ['STOP', true, 'STOP'],
    ['rezygnuję', false, 'REZYGNUJĘ'],
    ['REZYGNUJE', false, 'REZYGNUJĘ'],
    ['UNSUBSCRIBE', false, 'UNSUBSCRIBE'],
    ['stop, vi richiamo io', false, null],
    ['Non posso venire, annulla la visita', false, null],
    ['Nie mogę przyjść', false, null],
    ['', false, null],
  ];
  it.each(cases)('%j (reminder pending: %s) → %s', (text, reminderPending, keyword) => {
    expect(matchOptOut(text, DEFAULT_OPT_OUT_KEYWORDS, { reminderPending })?.keyword ?? null).toBe(keyword);
  });

  it('uses the clinic-configured words per language', () => {
    const words = { it: ['BASTA SMS'], de: ['ABMELDEN'] };
    expect(matchOptOut('basta sms', words, { reminderPending: false })).toEqual({ keyword: 'BASTA SMS', language: 'it' });
    expect(matchOptOut('Abmelden', words, { reminderPending: false })).toEqual({ keyword: 'ABMELDEN', language: 'de' });
    expect(matchOptOut('STOP', words, { reminderPending: false })).toBeNull();
  });

  it('a word the clinic lists that also answers an open reminder is read as the answer then', () => {
    const words = { pl: ['STOP', 'NIE'], it: ['ANNULLA'] };
    expect(matchOptOut('NIE', words, { reminderPending: true })).toBeNull();
    expect(matchOptOut('annulla', words, { reminderPending: true })).toBeNull();
    expect(matchOptOut('NIE', words, { reminderPending: false })).toEqual({ keyword: 'NIE', language: 'pl' });
    expect(matchOptOut('STOP', words, { reminderPending: true })).toEqual({ keyword: 'STOP', language: 'pl' });
  });

  it('asks whether a reminder is open only when the text is a keyword', () => {
    const words = { pl: ['STOP', 'NIE'] };
    let asked = 0;
    const pending = (): boolean => (asked++, true);
    expect(matchOptOut('Dzień dobry, czy mogę przełożyć wizytę?', words, { reminderPending: pending })).toBeNull();
    expect(asked).toBe(0);
    expect(matchOptOut('nie', words, { reminderPending: pending })).toBeNull();
    expect(matchOptOut('STOP', words, { reminderPending: pending })).toEqual({ keyword: 'STOP', language: 'pl' });
    expect(asked).toBe(2);
  });

  it('the confirmation says how to opt back in', () => {
    for (const text of Object.values(DEFAULT_OPT_OUT_CONFIRMATION)) expect(text).toMatch(/START/);
  });

  it('normalizes accents, case and punctuation', () => {
    expect(normalizeKeyword(' Rezygnuję!! ')).toBe('REZYGNUJE');
    expect(normalizeKeyword('wyłącz')).toBe('WYLACZ');
  });
});

describe('mayBeKeyword (the check every message gets before any normalising)', () => {
  // Never false for a text that normalises to 40 characters or fewer: that would miss an opt-out.
  const texts = [
    'STOP',
    `${' '.repeat(60)}stop${'!'.repeat(60)}`,
    `"${'.'.repeat(30)}STOP${' \u00a0\t'.repeat(30)}SMS(((${')'.repeat(40)}`,
    `${'e\u0301'.repeat(40)}`,
    'Żółć gęślą jaźń — ąę ł',
    'a'.repeat(40),
    'a'.repeat(41),
    `${'a '.repeat(20)}`,
    `${'a  '.repeat(21)}`,
    'ß'.repeat(30),
    "Buongiorno, volevo spostare l'appuntamento di domani pomeriggio, grazie",
  ];
  it.each(texts)('agrees with normalizeKeyword: %j', (text) => {
    expect(mayBeKeyword(text) || normalizeKeyword(text).length > 40).toBe(true);
  });
  it('turns down an ordinary message without normalising it', () => {
    expect(mayBeKeyword("Buongiorno, volevo spostare l'appuntamento di domani pomeriggio, grazie")).toBe(false);
    expect(mayBeKeyword('a'.repeat(41))).toBe(false);
    expect(matchOptOut(`STOP ${'x'.repeat(40)}`, DEFAULT_OPT_OUT_KEYWORDS, { reminderPending: false })).toBeNull();
  });
  it('still reads keywords padded with spaces and punctuation, and the opt-in words', () => {
    expect(matchOptOut(`${' '.repeat(50)}Stop!!!${'.'.repeat(50)}`, DEFAULT_OPT_OUT_KEYWORDS, { reminderPending: false })?.keyword).toBe('STOP');
    expect(isOptInKeyword(`  start sms ${'!'.repeat(45)}`)).toBe(true);
  });
});

describe('confirmationText', () => {
  it("picks the patient's language, then the keyword's, then English, and names the clinic", () => {
    expect(confirmationText(DEFAULT_OPT_OUT_CONFIRMATION, ['pl', 'it'], 'Dentysta Kraków')).toContain('Dentysta Kraków');
    expect(confirmationText(DEFAULT_OPT_OUT_CONFIRMATION, ['pl'], 'X')).toMatch(/^Nie będzie/);
    expect(confirmationText(DEFAULT_OPT_OUT_CONFIRMATION, [null, 'it'], 'X')).toMatch(/^Non riceverà/);
    expect(confirmationText(DEFAULT_OPT_OUT_CONFIRMATION, ['de'], 'X')).toMatch(/^You will/);
  });
});
