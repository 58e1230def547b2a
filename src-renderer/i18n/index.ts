import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Namespaces } from './bundles/namespaces';

export const UI_LANGUAGES = ['it', 'pl', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/**
 * Each area keeps its strings in locales/<lang>/<area>.json (one i18next namespace a file). Each language is
 * its own chunk: the desk downloads the one it shows and English (the fallback), not all three.
 */
const bundles: Record<UiLanguage, () => Promise<Namespaces>> = {
  it: () => import('./bundles/it').then((m) => m.default),
  pl: () => import('./bundles/pl').then((m) => m.default),
  en: () => import('./bundles/en').then((m) => m.default),
};

const STORAGE_KEY = 'clinic-desk.uiLanguage';

export function storedLanguage(): UiLanguage | null {
  const v = localStorage.getItem(STORAGE_KEY);
  return (UI_LANGUAGES as readonly string[]).includes(v ?? '') ? (v as UiLanguage) : null;
}

/** The browser's own language when it is one of ours (the sign-in page, before the clinic's setting is known). */
export function browserLanguage(): UiLanguage {
  const lang = navigator.language.slice(0, 2);
  return (UI_LANGUAGES as readonly string[]).includes(lang) ? (lang as UiLanguage) : 'it';
}

export async function setUiLanguage(lang: UiLanguage): Promise<void> {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  if (!i18next.hasResourceBundle(lang, 'common')) {
    for (const [ns, strings] of Object.entries(await bundles[lang]())) i18next.addResourceBundle(lang, ns, strings, true, true);
  }
  await i18next.changeLanguage(lang);
}

/** The language the desk showed last time, so the next start fetches its strings before the clinic's settings arrive. */
const HINT_KEY = 'clinic-desk.lastLanguage';
export function lastLanguage(): UiLanguage | null {
  const v = localStorage.getItem(HINT_KEY);
  return (UI_LANGUAGES as readonly string[]).includes(v ?? '') ? (v as UiLanguage) : null;
}

export async function initI18n(fallback: UiLanguage): Promise<typeof i18next> {
  const lng = storedLanguage() ?? fallback;
  localStorage.setItem(HINT_KEY, lng);
  document.documentElement.lang = lng;
  // The desk's language is on the first paint's path; English, the fallback for a key a translation lacks
  // (the key check keeps them complete), follows right after instead of doubling the wait.
  const shown = await bundles[lng]();
  await i18next.use(initReactI18next).init({
    resources: { [lng]: shown },
    lng,
    fallbackLng: 'en',
    ns: Object.keys(shown),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (lng !== 'en') void bundles.en().then((en) => Object.entries(en).forEach(([ns, strings]) => i18next.addResourceBundle('en', ns, strings, true, true)));
  return i18next;
}

/** Starts fetching a language's strings (the chunk) before they are needed: the desk's first paint waits for them. */
export function preloadLanguage(lang: UiLanguage): void {
  void bundles[lang]().catch(() => undefined);
}
