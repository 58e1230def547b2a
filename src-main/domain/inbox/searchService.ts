import type { Db } from '../../db/database';
import { identitiesOf } from '../../db/repositories/patients';
import {
  exactPhoneQuery,
  messagesByText,
  messagesTextQuery,
  partialPhoneQuery,
  patientsByPhone,
  patientsByText,
  patientsTextQuery,
  type MessageSearchRow,
  type PatientSearchRow,
  type PhoneSearchRow,
  type ReadQuery,
  termsWithPrefix,
  termsWithPrefixQuery,
} from '../../db/repositories/inboxSearch';
import type { ReadWorker } from '../../db/readWorker';
import { formatPhone, type Region } from '../patients/phone';
import { highlightRanges, phoneHighlightRanges, type Range } from './search/highlight';
import { analyzeSearchQuery, messageMatchExpression, termsToExpand, type SearchQuery } from './search/searchQuery';
import { rankSearchHits, textRelevance, type SearchHit } from './search/searchRanking';
import { snippetAround } from './search/snippet';

/** Full-text and phone search over patients and messages, ranked and highlighted for the UI. */
export interface HighlightedText {
  text: string;
  ranges: Range[];
}

export interface PatientResult {
  kind: 'patient';
  patientId: number;
  conversationId: number | null;
  name: HighlightedText;
  phone: HighlightedText | null;
  note: HighlightedText | null;
  matchedBy: 'phoneExact' | 'phonePartial' | 'text';
}

export interface MessageResult {
  kind: 'message';
  messageId: number;
  conversationId: number;
  patientId: number;
  patientName: string;
  channel: string;
  direction: 'in' | 'out';
  at: number;
  snippet: HighlightedText;
}

export type SearchResult = PatientResult | MessageResult;

const fullName = (r: { first_name: string; last_name: string }): string => `${r.first_name} ${r.last_name}`.trim();

interface SearchRows {
  phone: PhoneSearchRow[];
  patients: PatientSearchRow[];
  messages: MessageSearchRow[];
}

/** Search on the calling thread (tests, one-shot tools). The desk's API runs searchInboxOffThread. */
export function searchInbox(db: Db, raw: string, region: Region, limit = 30): { terms: string[]; results: SearchResult[] } {
  const q = analyzeSearchQuery(raw, region);
  if (!q.phone && !q.fts) return { terms: [], results: [] };
  const expansions = new Map(termsToExpand(q.terms).map((t) => [t, termsWithPrefix(db, t)]));
  const messageMatch = q.fts ? messageMatchExpression(q.terms, expansions) : null;
  return assemble(db, q, limit, {
    phone: q.phone ? patientsByPhone(db, q.phone.e164, q.phone.digits, limit) : [],
    patients: q.fts ? patientsByText(db, q.fts, limit) : [],
    messages: messageMatch ? messagesByText(db, messageMatch) : [],
  });
}

/**
 * The same search with its index reads on the read worker (db/readWorker.ts): the request thread only
 * ranks and highlights the page. `key` is the desk user: a newer search from them cancels this one.
 */
export async function searchInboxOffThread(db: Db, reader: ReadWorker, key: string, raw: string, region: Region, limit = 30): Promise<{ terms: string[]; results: SearchResult[] }> {
  const q = analyzeSearchQuery(raw, region);
  if (!q.phone && !q.fts) return { terms: [], results: [] };
  const toExpand = q.fts ? termsToExpand(q.terms) : [];
  const expanded = toExpand.length ? await reader.read(key, toExpand.map(termsWithPrefixQuery)) : [];
  const expansions = new Map(toExpand.map((t, i) => [t, (expanded[i] as { term: string }[]).map((r) => r.term)]));
  const messageMatch = q.fts ? messageMatchExpression(q.terms, expansions) : null;
  const queries: ReadQuery[] = [];
  if (q.phone?.e164) queries.push(exactPhoneQuery(q.phone.e164, limit));
  if (q.fts) queries.push(patientsTextQuery(q.fts, limit));
  if (messageMatch) queries.push(messagesTextQuery(messageMatch));
  const rows = await reader.read(key, queries);
  let phone = (q.phone?.e164 ? rows.shift() : []) as PhoneSearchRow[];
  const patients = (q.fts ? rows.shift() : []) as PatientSearchRow[];
  const messages = (messageMatch ? rows.shift() : []) as MessageSearchRow[];
  if (q.phone && phone.length === 0) phone = (await reader.read(key, [partialPhoneQuery(q.phone.digits, limit)]))[0] as PhoneSearchRow[];
  return assemble(db, q, limit, { phone, patients, messages });
}

function assemble(db: Db, q: SearchQuery, limit: number, rows: SearchRows): { terms: string[]; results: SearchResult[] } {
  const patients = new Map<number, PatientSearchRow>();
  const hits: SearchHit[] = [];
  for (const r of rows.phone) {
    patients.set(r.patient_id, r);
    hits.push({ kind: 'patient', patientId: r.patient_id, name: fullName(r), matchedBy: r.exact ? 'phoneExact' : 'phonePartial', lastActivityAt: r.last_message_at });
  }
  const messages = new Map<number, MessageSearchRow>();
  for (const r of rows.patients) {
    patients.set(r.patient_id, patients.get(r.patient_id) ?? r);
    hits.push({ kind: 'patient', patientId: r.patient_id, name: fullName(r), matchedBy: 'text', lastActivityAt: r.last_message_at });
  }
  for (const r of rows.messages) {
    messages.set(r.message_id, r);
    hits.push({ kind: 'message', messageId: r.message_id, patientId: r.patient_id, relevance: textRelevance(r.body, q.terms), at: r.created_at });
  }
  const results = rankSearchHits(hits, q.terms)
    .slice(0, limit)
    .map((h): SearchResult =>
      h.kind === 'patient' ? patientResult(db, patients.get(h.patientId)!, h.matchedBy, q) : messageResult(messages.get(h.messageId)!, q.terms),
    );
  return { terms: q.terms, results };
}

function patientResult(db: Db, r: PatientSearchRow, matchedBy: PatientResult['matchedBy'], q: SearchQuery): PatientResult {
  const name = fullName(r);
  const phones = identitiesOf(db, r.patient_id).filter((i) => i.kind === 'phone').map((i) => formatPhone(i.value));
  let phone: HighlightedText | null = phones[0] ? { text: phones[0], ranges: [] } : null;
  if (q.phone) {
    const digits = q.phone.digits;
    const hit = phones.map((text) => ({ text, ranges: phoneHighlightRanges(text, digits) })).find((p) => p.ranges.length > 0);
    if (hit) phone = hit;
  }
  const noteRanges = highlightRanges(r.notes, q.terms);
  return {
    kind: 'patient',
    patientId: r.patient_id,
    conversationId: r.conversation_id,
    name: { text: name, ranges: highlightRanges(name, q.terms) },
    phone,
    note: noteRanges.length ? snippetAround(r.notes, noteRanges, 120) : null,
    matchedBy,
  };
}

function messageResult(r: MessageSearchRow, terms: string[]): MessageResult {
  return {
    kind: 'message',
    messageId: r.message_id,
    conversationId: r.conversation_id,
    patientId: r.patient_id,
    patientName: fullName(r),
    channel: r.channel,
    direction: r.direction,
    at: r.created_at,
    snippet: snippetAround(r.body, highlightRanges(r.body, terms)),
  };
}
