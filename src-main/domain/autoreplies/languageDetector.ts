/** The language detector behind proposeLanguage: eld (n-gram based), limited to European languages we may meet. */
import { eld } from 'eld/small';
import type { DetectLanguage } from './languageProposal';

const LANGUAGES = ['it', 'pl', 'en', 'de', 'fr', 'es', 'uk', 'ru', 'pt', 'ro', 'nl', 'cs', 'sk'];

let configured = false;

export const detectLanguage: DetectLanguage = (text) => {
  if (!configured) {
    eld.setLanguageSubset(LANGUAGES);
    configured = true;
  }
  const result = eld.detect(text);
  return result.language === '' ? null : { language: result.language, reliable: result.isReliable() };
};
