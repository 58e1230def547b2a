/**
 * The language detector behind proposeLanguage: eld (n-gram based), limited to European languages we may
 * meet. Its n-gram tables cost ~350 ms to load and ~150 MB of memory, so it is loaded on first need (a
 * patient with no language writes while an auto-reply is on, or the card asks for a proposal), off the
 * call that needed it: until it is in, detection answers null and proposals fall back to the phone's
 * country. `loadLanguageDetector()` resolves once it is ready (tests, and the card's proposal).
 */
import type { eld as EldInstance } from 'eld/small';
import type { DetectLanguage } from './languageProposal';

const LANGUAGES = ['it', 'pl', 'en', 'de', 'fr', 'es', 'uk', 'ru', 'pt', 'ro', 'nl', 'cs', 'sk'];

type Eld = typeof EldInstance;
let eld: Eld | null = null;
let loading: Promise<void> | null = null;

export function loadLanguageDetector(): Promise<void> {
  loading ??= import('eld/small').then((m) => {
    m.eld.setLanguageSubset(LANGUAGES);
    eld = m.eld;
  });
  return loading;
}

export const languageDetectorLoaded = (): boolean => eld !== null;

export const detectLanguage: DetectLanguage = (text) => {
  if (!eld) {
    void loadLanguageDetector();
    return null;
  }
  const result = eld.detect(text);
  return result.language === '' ? null : { language: result.language, reliable: result.isReliable() };
};
