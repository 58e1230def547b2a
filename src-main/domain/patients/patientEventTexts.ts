/**
 * Text the desk writes into a patient's record when records are merged: the timeline line and the
 * note keeping the values not kept. Stored text (it reads the same on every later day), so it is
 * written once in the clinic's language, not in the UI files.
 */
import type { MergeField } from './mergePlan';

type Lang = 'it' | 'pl' | 'en';
const lang = (l: string): Lang => (l === 'it' || l === 'pl' ? l : 'en');

const FIELD: Record<Lang, Record<MergeField, string>> = {
  it: { firstName: 'nome', lastName: 'cognome', language: 'lingua', preferredChannel: 'canale preferito', birthDate: 'data di nascita' },
  pl: { firstName: 'imię', lastName: 'nazwisko', language: 'język', preferredChannel: 'preferowany kanał', birthDate: 'data urodzenia' },
  en: { firstName: 'first name', lastName: 'last name', language: 'language', preferredChannel: 'preferred channel', birthDate: 'birth date' },
};

const NOT_KEPT: Record<Lang, (id: number, values: string) => string> = {
  it: (id, v) => `Unito dalla scheda paziente n. ${id}, valori non tenuti: ${v}`,
  pl: (id, v) => `Scalono z kartoteki pacjenta nr ${id}, niezachowane wartości: ${v}`,
  en: (id, v) => `Merged from patient #${id}, values not kept: ${v}`,
};

const MERGED: Record<Lang, (id: number, name: string, user: string) => string> = {
  it: (id, name, user) => `Unito con la scheda paziente n. ${id} (${name}) da ${user}`,
  pl: (id, name, user) => `Scalono z kartoteką pacjenta nr ${id} (${name}), wykonał(a): ${user}`,
  en: (id, name, user) => `Merged with patient record #${id} (${name}) by ${user}`,
};

export const mergeFieldName = (language: string, field: MergeField): string => FIELD[lang(language)][field] ?? field;

export const valuesNotKeptNote = (language: string, otherId: number, values: Array<{ field: MergeField; value: string }>): string =>
  NOT_KEPT[lang(language)](otherId, values.map((v) => `${mergeFieldName(language, v.field)}: ${v.value}`).join('; '));

export const mergedEventText = (language: string, otherId: number, otherName: string, user: string): string => MERGED[lang(language)](otherId, otherName, user);
