import { beforeAll, describe, expect, it } from 'vitest';
import { detectLanguage, loadLanguageDetector } from '../../../../src-main/domain/autoreplies/languageDetector';

beforeAll(() => loadLanguageDetector());
import { languageOfPhone, proposeLanguage, type DetectLanguage } from '../../../../src-main/domain/autoreplies/languageProposal';

describe('languageOfPhone', () => {
  it.each([
    ['+48601234567', 'pl'],
    ['+393471234567', 'it'],
    ['+380671234567', 'uk'],
    ['+447400123456', 'en'],
    ['+41791234567', null],
    [null, null],
  ])('%s → %s', (phone, lang) => {
    expect(languageOfPhone(phone)).toBe(lang);
  });
});

describe('proposeLanguage with a scripted detector', () => {
  const says = (language: string, reliable: boolean): DetectLanguage => () => ({ language, reliable });
  const cases: Array<[string, string[], string | null, DetectLanguage, ReturnType<typeof proposeLanguage>]> = [
    ['text and phone agree', ['Dzień dobry, chciałabym się umówić'], '+48601234567', says('pl', true), { language: 'pl', source: 'text+phone', confidence: 'high' }],
    ['text wins over phone', ['Доброго дня, чи можна записатися?'], '+48601234567', says('uk', true), { language: 'uk', source: 'text', confidence: 'medium' }],
    ['too short to judge: phone decides', ['ok'], '+393471234567', says('pl', true), { language: 'it', source: 'phone', confidence: 'low' }],
    ['unreliable text agreeing with phone', ['Buongiorno a tutti voi'], '+393471234567', says('it', false), { language: 'it', source: 'text+phone', confidence: 'medium' }],
    ['unreliable text, no phone country', ['Buongiorno a tutti voi'], null, says('it', false), { language: 'it', source: 'text', confidence: 'low' }],
    ['nothing to go on', ['👍'], null, says('en', true), null],
  ];
  it.each(cases)('%s', (_name, texts, phone, detect, expected) => {
    expect(proposeLanguage({ texts, phoneE164: phone, detect })).toEqual(expected);
  });
});

describe('proposeLanguage with eld', () => {
  it.each([
    [['Dzień dobry, czy mogę się zapisać na jutro?'], '+48601234567', 'pl'],
    [['Buongiorno, vorrei prenotare una visita per mia figlia'], '+393471234567', 'it'],
    [['Доброго дня, чи можна записатися на прийом?'], '+48601234567', 'uk'],
    [['Hello, are you open tomorrow morning?'], '+393471234567', 'en'],
    [['Guten Tag, ich brauche einen Termin'], '+41791234567', 'de'],
  ])('%j from %s → %s', (texts, phone, language) => {
    expect(proposeLanguage({ texts, phoneE164: phone, detect: detectLanguage })?.language).toBe(language);
  });
});
