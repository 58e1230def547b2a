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

export async function initI18n(fallback: UiLanguage): Promise<typeof i18next> {
  const lng = storedLanguage() ?? fallback;
  document.documentElement.lang = lng;
  const [shown, en] = await Promise.all([bundles[lng](), lng === 'en' ? null : bundles.en()]);
  const resources = lng === 'en' ? { en: shown } : { [lng]: shown, en: en! };
  await i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'en',
    ns: Object.keys(resources.en ?? {}),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
