import { fold, wordsOf } from './foldText';

/**
 * Ranking of mixed search results. Patients come before messages because "who is this?" is the
 * usual question at the desk; among patients a phone or full-name hit beats a note hit.
 * Tiers, best first:
 *   1 exact phone number, 2 every term is a whole word of the name, 3 every term starts a word of
 *   the name, 4 part of a phone number, 5 note or other patient text, 6 messages.
 * Within a tier: patients by most recent activity, messages by FTS5 bm25 (lower is better) and
 * then by recency. A patient found several ways appears once, at its best tier.
 */
export type PatientMatchedBy = 'phoneExact' | 'phonePartial' | 'text';

export interface PatientHit {
  kind: 'patient';
  patientId: number;
  name: string;
  matchedBy: PatientMatchedBy;
  lastActivityAt: number | null;
}

export interface MessageHit {
  kind: 'message';
  messageId: number;
  patientId: number;
  bm25: number;
  at: number;
}

export type SearchHit = PatientHit | MessageHit;
export type RankedHit = SearchHit & { tier: number };

export function nameMatchQuality(name: string, terms: string[]): 'exact' | 'prefix' | 'none' {
  if (!terms.length) return 'none';
  const words = wordsOf(name).map(fold);
  if (terms.every((t) => words.includes(t))) return 'exact';
  if (terms.every((t) => words.some((w) => w.startsWith(t)))) return 'prefix';
  return 'none';
}

export function tierOf(hit: SearchHit, terms: string[]): number {
  if (hit.kind === 'message') return 6;
  if (hit.matchedBy === 'phoneExact') return 1;
  const quality = nameMatchQuality(hit.name, terms);
  if (quality === 'exact') return 2;
  if (quality === 'prefix') return 3;
  return hit.matchedBy === 'phonePartial' ? 4 : 5;
}

export function rankSearchHits(hits: SearchHit[], terms: string[]): RankedHit[] {
  const bestPatient = new Map<number, RankedHit>();
  const messages: RankedHit[] = [];
  for (const hit of hits) {
    const ranked: RankedHit = { ...hit, tier: tierOf(hit, terms) };
    if (hit.kind === 'message') {
      messages.push(ranked);
      continue;
    }
    const prev = bestPatient.get(hit.patientId);
    if (!prev || ranked.tier < prev.tier) bestPatient.set(hit.patientId, ranked);
  }
  const seenMessages = new Set<number>();
  const uniqueMessages = messages.filter((m) => m.kind === 'message' && !seenMessages.has(m.messageId) && seenMessages.add(m.messageId));
  return [...bestPatient.values(), ...uniqueMessages].sort(compareRanked);
}

function compareRanked(a: RankedHit, b: RankedHit): number {
  if (a.tier !== b.tier) return a.tier - b.tier;
  if (a.kind === 'patient' && b.kind === 'patient') {
    return (b.lastActivityAt ?? 0) - (a.lastActivityAt ?? 0) || a.name.localeCompare(b.name) || a.patientId - b.patientId;
  }
  if (a.kind === 'message' && b.kind === 'message') {
    // bm25 to one decimal: at (nearly) equal relevance the recent message is the one the desk looks for.
    return Math.round(a.bm25 * 10) - Math.round(b.bm25 * 10) || b.at - a.at || b.messageId - a.messageId;
  }
  return 0;
}
