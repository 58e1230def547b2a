/** The wizard's draft and the pure helpers behind its steps (no React, no API). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface DayHours {
  open: boolean;
  from: string;
  to: string;
}

export interface PractitionerDraft {
  name: string;
  room: string;
  visitMinutes: number;
}

export interface WizardDraft {
  clinicName: string;
  country: string;
  timeZone: string;
  languages: string[];
  uiLanguage: 'it' | 'pl' | 'en';
  adminName: string;
  adminDisplayName: string;
  password: string;
  passwordAgain: string;
  hours: Record<Weekday, DayHours>;
  practitioners: PractitionerDraft[];
}

/** Countries offered first (phone region and, where built in, public holidays) with their usual time zone. */
export const COUNTRIES: { code: string; timeZone: string; language: string }[] = [
  { code: 'IT', timeZone: 'Europe/Rome', language: 'it' },
  { code: 'PL', timeZone: 'Europe/Warsaw', language: 'pl' },
  { code: 'DE', timeZone: 'Europe/Berlin', language: 'de' },
  { code: 'AT', timeZone: 'Europe/Vienna', language: 'de' },
  { code: 'CH', timeZone: 'Europe/Zurich', language: 'de' },
  { code: 'FR', timeZone: 'Europe/Paris', language: 'fr' },
  { code: 'ES', timeZone: 'Europe/Madrid', language: 'es' },
  { code: 'GB', timeZone: 'Europe/London', language: 'en' },
  { code: 'IE', timeZone: 'Europe/Dublin', language: 'en' },
  { code: 'UA', timeZone: 'Europe/Kyiv', language: 'uk' },
];

export const TIME_ZONES = [...new Set(COUNTRIES.map((c) => c.timeZone))];
export const PATIENT_LANGUAGES = ['it', 'pl', 'en', 'de', 'fr', 'es', 'uk'] as const;

const day = (open: boolean, from = '08:30', to = '19:00'): DayHours => ({ open, from, to });

export function initialDraft(uiLanguage: 'it' | 'pl' | 'en'): WizardDraft {
  const country = uiLanguage === 'pl' ? COUNTRIES[1]! : COUNTRIES[0]!;
  return {
    clinicName: '',
    country: uiLanguage === 'en' ? 'IT' : country.code,
    timeZone: country.timeZone,
    languages: uiLanguage === 'en' ? ['it', 'en'] : [country.language, 'en'],
    uiLanguage,
    adminName: '',
    adminDisplayName: '',
    password: '',
    passwordAgain: '',
    hours: { mon: day(true), tue: day(true), wed: day(true), thu: day(true), fri: day(true), sat: day(true, '08:30', '13:00'), sun: day(false) },
    practitioners: [{ name: '', room: '', visitMinutes: 30 }],
  };
}

/** Choosing a country moves the time zone and the first patient language with it. */
export function withCountry(d: WizardDraft, code: string): WizardDraft {
  const c = COUNTRIES.find((x) => x.code === code);
  if (!c) return { ...d, country: code };
  return { ...d, country: code, timeZone: c.timeZone, languages: [c.language, ...d.languages.filter((l) => l !== c.language)] };
}

/** The request for setup.createClinic; empty practitioner rows are dropped. */
export function toRequest(d: WizardDraft) {
  return {
    clinicName: d.clinicName.trim(),
    country: d.country,
    timeZone: d.timeZone,
    languages: d.languages,
    uiLanguage: d.uiLanguage,
    admin: { name: d.adminName.trim(), ...(d.adminDisplayName.trim() ? { displayName: d.adminDisplayName.trim() } : {}), password: d.password },
    weekly: Object.fromEntries(WEEKDAYS.map((w) => [w, d.hours[w].open ? [{ from: d.hours[w].from, to: d.hours[w].to }] : []])) as Record<Weekday, { from: string; to: string }[]>,
    practitioners: d.practitioners.filter((p) => p.name.trim()).map((p) => ({ name: p.name.trim(), ...(p.room.trim() ? { room: p.room.trim() } : {}), visitMinutes: p.visitMinutes })),
  };
}
