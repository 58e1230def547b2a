import { fold, wordsOf } from './foldText';

/**
 * Ranking of mixed search results. Patients come before messages because "who is this?" is the
 * usual question at the desk; among patients a phone or full-name hit beats a note hit.
 * Tiers, best first:
 *   1 exact phone number, 2 every term is a whole word of the name, 3 every term starts a word of
 *   the name, 4 part of a phone number, 5 note or other patient text, 6 messages.
 * Within a tier: patients by most recent activity, messages by textRelevance (higher is better) and
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
  /** textRelevance of the message for the terms (higher is better). */
  relevance: number;
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
    // At (nearly) equal relevance the recent message is the one the desk looks for.
    return Math.round(b.relevance * 100) - Math.round(a.relevance * 100) || b.at - a.at || b.messageId - a.messageId;
  }
  return 0;
}

/**
 * How well a message's text answers the terms, computed on the few hundred candidates FTS5 returned
 * (bm25 would count every match of every term in the whole index first: 70–120 ms for a frequent word
 * at 1M messages). A term that is a whole word counts 1, one that only starts a word 0.6; short
 * messages that say it beat long ones that mention it, as in bm25's length normalisation.
 */
export function textRelevance(text: string, terms: string[]): number {
  if (!terms.length) return 0;
  const words = fold(text).split(/[^\p{L}\p{N}]+/u);
  let score = 0;
  for (const t of terms) {
    if (words.includes(t)) score += 1;
    else if (words.some((w) => w.startsWith(t))) score += 0.6;
  }
  return score / (1 + 0.04 * words.length);
}
