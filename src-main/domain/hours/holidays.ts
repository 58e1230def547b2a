/**
 * Public holidays built in for the countries we serve first, computed for any year (no table to go
 * stale). Easter follows the Gregorian computus; Easter-based holidays are offsets from it.
 * Names are in the country's own language; the UI may translate by `key`.
 */
import { addDays, civilDate } from './zonedTime';

export const HOLIDAY_COUNTRIES = ['IT', 'PL'] as const;
export type HolidayCountry = (typeof HOLIDAY_COUNTRIES)[number];

export interface Holiday {
  date: string;
  key: string;
  name: string;
  country: HolidayCountry;
}

/** Easter Sunday (Anonymous Gregorian algorithm, a.k.a. Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return civilDate(year, month, day);
}

type Rule =
  | { key: string; name: string; month: number; day: number; since?: number }
  | { key: string; name: string; easterOffset: number };

const RULES: Record<HolidayCountry, Rule[]> = {
  IT: [
    { key: 'new_year', name: 'Capodanno', month: 1, day: 1 },
    { key: 'epiphany', name: 'Epifania', month: 1, day: 6 },
    { key: 'easter', name: 'Pasqua', easterOffset: 0 },
    { key: 'easter_monday', name: "Lunedì dell'Angelo", easterOffset: 1 },
    { key: 'liberation_day', name: 'Festa della Liberazione', month: 4, day: 25 },
    { key: 'labour_day', name: 'Festa del Lavoro', month: 5, day: 1 },
    { key: 'republic_day', name: 'Festa della Repubblica', month: 6, day: 2 },
    { key: 'assumption', name: 'Ferragosto', month: 8, day: 15 },
    // Law 151/2025 restored St Francis' day as a national holiday from 2026.
    { key: 'st_francis', name: "San Francesco d'Assisi", month: 10, day: 4, since: 2026 },
    { key: 'all_saints', name: 'Ognissanti', month: 11, day: 1 },
    { key: 'immaculate_conception', name: 'Immacolata Concezione', month: 12, day: 8 },
    { key: 'christmas', name: 'Natale', month: 12, day: 25 },
    { key: 'st_stephen', name: 'Santo Stefano', month: 12, day: 26 },
  ],
  PL: [
    { key: 'new_year', name: 'Nowy Rok', month: 1, day: 1 },
    { key: 'epiphany', name: 'Trzech Króli', month: 1, day: 6, since: 2011 },
    { key: 'easter', name: 'Wielkanoc', easterOffset: 0 },
    { key: 'easter_monday', name: 'Poniedziałek Wielkanocny', easterOffset: 1 },
    { key: 'labour_day', name: 'Święto Pracy', month: 5, day: 1 },
    { key: 'constitution_day', name: 'Święto Konstytucji 3 Maja', month: 5, day: 3 },
    { key: 'pentecost', name: 'Zielone Świątki', easterOffset: 49 },
    { key: 'corpus_christi', name: 'Boże Ciało', easterOffset: 60 },
    { key: 'assumption', name: 'Wniebowzięcie NMP', month: 8, day: 15 },
    { key: 'all_saints', name: 'Wszystkich Świętych', month: 11, day: 1 },
    { key: 'independence_day', name: 'Narodowe Święto Niepodległości', month: 11, day: 11 },
    // Christmas Eve has been a statutory day off since 2025.
    { key: 'christmas_eve', name: 'Wigilia Bożego Narodzenia', month: 12, day: 24, since: 2025 },
    { key: 'christmas', name: 'Boże Narodzenie', month: 12, day: 25 },
    { key: 'st_stephen', name: 'Drugi dzień Bożego Narodzenia', month: 12, day: 26 },
  ],
};

/** The country's public holidays in `year`, sorted by date. */
export function publicHolidays(country: HolidayCountry, year: number): Holiday[] {
  const easter = easterSunday(year);
  const out: Holiday[] = [];
  for (const rule of RULES[country]) {
    if ('easterOffset' in rule) {
      out.push({ date: addDays(easter, rule.easterOffset), key: rule.key, name: rule.name, country });
    } else if (rule.since === undefined || year >= rule.since) {
      out.push({ date: civilDate(year, rule.month, rule.day), key: rule.key, name: rule.name, country });
    }
  }
  return out.sort((x, y) => x.date.localeCompare(y.date));
}

/** The holiday falling on `date` ('YYYY-MM-DD') in any of `countries`, if any. */
export function holidayOn(date: string, countries: readonly HolidayCountry[]): Holiday | null {
  const year = Number(date.slice(0, 4));
  for (const country of countries) {
    const found = publicHolidays(country, year).find((h) => h.date === date);
    if (found) return found;
  }
  return null;
}
