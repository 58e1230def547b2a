import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const UI_LANGUAGES = ['it', 'pl', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Each area keeps its strings in locales/<lang>/<area>.json; each file is one i18next namespace. */
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });

export function localeResources(): Record<string, Record<string, Record<string, unknown>>> {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [file, mod] of Object.entries(files)) {
    const m = /\.\/locales\/([a-z]{2})\/([\w-]+)\.json$/.exec(file);
    if (!m) continue;
    (resources[m[1]!] ??= {})[m[2]!] = mod.default;
  }
  return resources;
}

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

export function setUiLanguage(lang: UiLanguage): void {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

export function initI18n(fallback: UiLanguage): typeof i18next {
  const resources = localeResources();
  const lng = storedLanguage() ?? fallback;
  document.documentElement.lang = lng;
  void i18next.use(initReactI18next).init({
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
