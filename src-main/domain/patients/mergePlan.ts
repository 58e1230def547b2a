import { invalidInput } from '../shared/errors';
import { valuesNotKeptNote } from './patientEventTexts';

/**
 * Planning the merge of two records of the same person, as a pure function. The survivor ("keep")
 * takes every identity, tag, consent and note of the other record; when a field differs and only
 * one value can stay, the receptionist's choice (default: the survivor's value) is used and the
 * other value is written into the notes, so nothing typed by anyone is ever lost.
 * Moving conversations, messages, calls and appointments is the service's job; this decides the record.
 */
export const CONSENT_KINDS = ['whatsapp', 'sms', 'marketing'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export interface ConsentRecord {
  kind: ConsentKind;
  granted: boolean;
  at: number;
  /** Where it was given or withdrawn: "form", "whatsapp", "sms STOP", "phone call"… */
  source: string;
}

export interface IdentityRecord {
  kind: 'phone' | 'whatsapp';
  value: string;
}

export interface MergeablePatient {
  id: number;
  firstName: string;
  lastName: string;
  language: string | null;
  preferredChannel: 'whatsapp' | 'sms' | null;
  birthDate: string | null;
  notes: string;
  tags: string[];
  consents: ConsentRecord[];
  identities: IdentityRecord[];
  createdAt: number;
}

export const MERGE_FIELDS = ['firstName', 'lastName', 'language', 'preferredChannel', 'birthDate'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeChoice = 'keep' | 'other';

export interface MergeConflict {
  field: MergeField;
  keep: string;
  other: string;
  chosen: MergeChoice;
}

export interface MergePlan {
  keepId: number;
  removeId: number;
  merged: MergeablePatient;
  conflicts: MergeConflict[];
  /** Identities the survivor gains. */
  addedIdentities: IdentityRecord[];
}

const same = (a: string, b: string): boolean => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
const blank = (v: string | null): boolean => v === null || v.trim() === '';

/** `language`: the clinic's, for the note keeping the values not kept (stored text). */
export function planMerge(keep: MergeablePatient, other: MergeablePatient, choices: Partial<Record<MergeField, MergeChoice>> = {}, language = 'en'): MergePlan {
  if (keep.id === other.id) throw invalidInput('otherId', 'a patient cannot be merged with itself', { reason: 'errors-input:mergeSelf' });
  const conflicts: MergeConflict[] = [];
  const pick = <F extends MergeField>(field: F): MergeablePatient[F] => {
    const a = keep[field];
    const b = other[field];
    if (blank(b)) return a;
    if (blank(a)) return b;
    if (same(a as string, b as string)) return a;
    const chosen = choices[field] ?? 'keep';
    conflicts.push({ field, keep: a as string, other: b as string, chosen });
    return chosen === 'keep' ? a : b;
  };
  const merged: MergeablePatient = {
    id: keep.id,
    firstName: pick('firstName'),
    lastName: pick('lastName'),
    language: pick('language'),
    preferredChannel: pick('preferredChannel'),
    birthDate: pick('birthDate'),
    notes: '',
    tags: mergeTags(keep.tags, other.tags),
    consents: mergeConsents([...keep.consents, ...other.consents]),
    identities: [],
    createdAt: Math.min(keep.createdAt, other.createdAt),
  };
  merged.notes = mergeNotes(keep, other, conflicts, language);
  const known = new Set(keep.identities.map(identityKey));
  const addedIdentities = dedupeIdentities(other.identities).filter((i) => !known.has(identityKey(i)));
  merged.identities = [...dedupeIdentities(keep.identities), ...addedIdentities];
  return { keepId: keep.id, removeId: other.id, merged, conflicts, addedIdentities };
}

const identityKey = (i: IdentityRecord): string => `${i.kind}:${i.value}`;

function dedupeIdentities(list: IdentityRecord[]): IdentityRecord[] {
  const seen = new Set<string>();
  return list.filter((i) => !seen.has(identityKey(i)) && !!seen.add(identityKey(i)));
}

/** Union, case-insensitive, first spelling wins, order kept. */
export function mergeTags(a: string[], b: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of [...a, ...b]) {
    const t = tag.trim();
    const key = t.toLocaleLowerCase();
    if (!t || seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}

/**
 * One consent per kind. The most recent statement decides whether it is granted (a later opt-out
 * wins over an older consent and vice versa); when both records granted it, the earliest grant
 * is kept because that is when the patient first agreed.
 */
export function mergeConsents(all: ConsentRecord[]): ConsentRecord[] {
  const out: ConsentRecord[] = [];
  for (const kind of CONSENT_KINDS) {
    const list = all.filter((c) => c.kind === kind).sort((x, y) => x.at - y.at);
    const latest = list[list.length - 1];
    if (!latest) continue;
    if (!latest.granted) {
      out.push({ ...latest });
      continue;
    }
    const lastWithdrawal = Math.max(-Infinity, ...list.filter((c) => !c.granted).map((c) => c.at));
    const firstGrantSince = list.find((c) => c.granted && c.at > lastWithdrawal)!;
    out.push({ ...firstGrantSince });
  }
  return out;
}

function mergeNotes(keep: MergeablePatient, other: MergeablePatient, conflicts: MergeConflict[], language: string): string {
  const parts = [keep.notes.trim()];
  const otherNotes = other.notes.trim();
  if (otherNotes && !same(otherNotes, parts[0]!)) parts.push(otherNotes);
  const replaced = conflicts.map((c) => ({ field: c.field, value: String(c.chosen === 'keep' ? c.other : c.keep) }));
  if (replaced.length) parts.push(valuesNotKeptNote(language, other.id, replaced));
  return parts.filter(Boolean).join('\n\n');
}
