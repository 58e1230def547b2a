import { describe, expect, it } from 'vitest';
import { DEFAULT_OPT_OUT_CONFIRMATION, DEFAULT_OPT_OUT_KEYWORDS, confirmationText, matchOptOut, normalizeKeyword } from '../../../../src-main/domain/sms/optOut';

describe('matchOptOut', () => {
  const cases: Array<[string, boolean, string | null]> = [
    ['STOP', false, 'STOP'],
    ['stop', false, 'STOP'],
    ['  Stop! ', false, 'STOP'],
    ['STOP SMS', false, 'STOP SMS'],
    ['stop   sms.', false, 'STOP SMS'],
    ['ANNULLA', false, 'ANNULLA'],
    ['annulla', false, 'ANNULLA'],
    ['NIE', false, 'NIE'],
    ['nie.', false, 'NIE'],
    ['NIE', true, null],
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

  it('normalizes accents, case and punctuation', () => {
    expect(normalizeKeyword(' Rezygnuję!! ')).toBe('REZYGNUJE');
    expect(normalizeKeyword('wyłącz')).toBe('WYLACZ');
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
