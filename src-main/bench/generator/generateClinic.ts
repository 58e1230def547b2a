import type { Db } from '../../db/database';
import { insertAppointment, insertPractitioner } from '../../db/repositories/appointments';
import { insertCall } from '../../db/repositories/calls';
import { ensureConversation, saveConversationState, type ConversationRow } from '../../db/repositories/conversations';
import { appendMessage } from '../../db/repositories/messages';
import { addIdentity, insertPatient } from '../../db/repositories/patients';
import { conversationStateOf, nextConversationState, withMessage } from '../../domain/messaging/conversationState';
import { seededRandom } from '../../domain/shared/random';
import { FIRST_NAMES, LAST_NAMES, PHRASES, type BenchLanguage } from './clinicVocabulary';
import { zipf } from './zipf';

/**
 * Builds one clinic's history through the product's own repository
 * functions — the same INSERTs, unique indexes and FTS triggers as live traffic — in large transactions
 * (the only liberty taken: live traffic commits once per message). Deterministic for a given size.
 * Bump GENERATOR_VERSION whenever the output changes: the cached databases are keyed by it.
 */
export const GENERATOR_VERSION = 5;

export type BenchSizeName = '10k' | '100k' | '1m';

export interface BenchSize {
  name: BenchSizeName;
  messages: number;
  patients: number;
  calls: number;
  appointments: number;
  /** A few conversations hold thousands of messages (a patient in long treatment, a family's one number). */
  heavyConversations: number;
  heavyMessages: number;
  heavyCalls: number;
}

export const BENCH_SIZES: Record<BenchSizeName, BenchSize> = {
  '10k': { name: '10k', messages: 10_000, patients: 1_000, calls: 2_000, appointments: 500, heavyConversations: 2, heavyMessages: 500, heavyCalls: 60 },
  '100k': { name: '100k', messages: 100_000, patients: 10_000, calls: 20_000, appointments: 5_000, heavyConversations: 3, heavyMessages: 1_000, heavyCalls: 150 },
  '1m': { name: '1m', messages: 1_000_000, patients: 100_000, calls: 200_000, appointments: 50_000, heavyConversations: 3, heavyMessages: 2_000, heavyCalls: 300 },
};

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Messages this recent may still be unanswered (half of them are). */
const UNANSWERED_WINDOW = 3 * HOUR;
/** Conversations quiet for this long have been marked done by the desk. */
const CLOSED_AFTER = 12 * HOUR;
/**
 * The sizes are the same clinic at three ages: its history after about 11 days, 110 days and 3 years. The day's
 * traffic (and so the active inbox) is the same at every size, so the growth table shows what a growing database
 * costs, not what a busier clinic costs.
 */
const FULL_SPAN = 3 * 365 * DAY;
const spanOf = (size: BenchSize): number => Math.round((FULL_SPAN * size.messages) / 1_000_000);
const LANGS: BenchLanguage[] = ['it', 'pl', 'en'];
const PREFIX: Record<BenchLanguage, string> = { it: '+39 3', pl: '+48 5', en: '+44 7' };

/** Facts the bench cases need about what was generated (hot ids, a known phone, the heaviest conversation). */
export interface GeneratedFacts {
  size: BenchSizeName;
  patients: number;
  messages: number;
  calls: number;
  appointments: number;
  heavyConversationIds: number[];
  phones: string[];
  now: number;
}

/** A mobile number per patient, its digits spread like real ones (consecutive patients share no long runs). */
export function phoneOf(patientIndex: number, lang: BenchLanguage): string {
  return `${PREFIX[lang].replace(' ', '')}${String(200_000_000 + ((patientIndex * 7_919_123) % 700_000_000)).padStart(9, '0')}`;
}

export function generateClinic(db: Db, size: BenchSize, now: number, progress: (what: string) => void = () => {}): GeneratedFacts {
  const r = seededRandom(20_261_129);
  const phrase = { patient: new Map<BenchLanguage, () => number>(), clinic: new Map<BenchLanguage, () => number>() };
  for (const l of LANGS) {
    phrase.patient.set(l, zipf(PHRASES[l].patient.length, 1.05, r));
    phrase.clinic.set(l, zipf(PHRASES[l].clinic.length, 1.05, r));
  }
  const span = spanOf(size);
  const start = now - span;
  const practitioners = ['Dott.ssa Ferri', 'Dott. Conti', 'Dr Wiśniewski', 'Dott. Bruno'].map((name) => insertPractitioner(db, { name }));

  // Patients, their numbers and their (empty) conversations.
  const lang: BenchLanguage[] = [];
  const conversations: ConversationRow[] = [];
  const phones: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < size.patients; i++) {
      const l: BenchLanguage = r() < 0.6 ? 'it' : r() < 0.75 ? 'pl' : 'en';
      const created = start + Math.floor(Math.sqrt(r()) * span * 0.9);
      const id = insertPatient(db, { firstName: pick(FIRST_NAMES[l], r), lastName: pick(LAST_NAMES[l], r), language: l, preferredChannel: r() < 0.65 ? 'whatsapp' : 'sms' }, created);
      const phone = phoneOf(i, l);
      addIdentity(db, id, 'phone', phone, created);
      if (r() < 0.6) addIdentity(db, id, 'whatsapp', `${phone.slice(1)}@s.whatsapp.net`, created);
      lang.push(l);
      phones.push(phone);
      conversations.push(ensureConversation(db, id, created));
    }
  })();
  progress(`${size.patients} patients`);

  // Messages: exchanges (a patient writes, the clinic usually answers within hours), more of them recently,
  // spread over patients with a Zipf law (a few very active, most write a handful of times), plus the heavy ones.
  const heavy = Array.from({ length: size.heavyConversations }, (_, k) => k * 7 + 3).filter((i) => i < size.patients);
  const whoPick = zipf(size.patients, 0.7, r);
  const perm = shuffledIndexes(size.patients, r);
  const plan: { conv: Int32Array; at: Float64Array; kind: Uint8Array } = { conv: new Int32Array(size.messages), at: new Float64Array(size.messages), kind: new Uint8Array(size.messages) };
  let n = 0;
  const push = (conv: number, at: number, kind: number): void => {
    if (n >= size.messages) return;
    plan.conv[n] = conv;
    plan.at[n] = Math.min(at, now - 60_000);
    plan.kind[n] = kind;
    n++;
  };
  const exchange = (conv: number, at: number): void => {
    push(conv, at, 0); // patient writes
    if (r() < 0.25) push(conv, at + 60_000 + r() * 600_000, 0);
    // The desk answers within hours: only some of the last few hours' messages are still unanswered.
    const recent = now - at < UNANSWERED_WINDOW;
    if (!recent || r() < 0.5) {
      push(conv, at + 300_000 + r() * 4 * 3600_000, 1); // the desk answers
      if (r() < 0.35) push(conv, at + 4.5 * 3600_000 + r() * 3600_000, 0); // "grazie"
    }
  };
  for (const h of heavy) for (let k = 0; k < size.heavyMessages / 2; k++) exchange(h, start + Math.sqrt(r()) * span);
  while (n < size.messages) exchange(perm[whoPick()]!, start + Math.sqrt(r()) * span);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => plan.at[a]! - plan.at[b]!);

  const batch = 20_000;
  for (let from = 0; from < n; from += batch) {
    db.transaction(() => {
      for (let k = from; k < Math.min(n, from + batch); k++) {
        const i = order[k]!;
        const conv = conversations[plan.conv[i]!]!;
        const l = lang[plan.conv[i]!]!;
        const inbound = plan.kind[i] === 0;
        const at = Math.floor(plan.at[i]!);
        const body = inbound ? patientText(l, phrase.patient.get(l)!, r) : PHRASES[l].clinic[phrase.clinic.get(l)!()]!;
        const channel = r() < 0.65 ? 'whatsapp' : 'sms';
        appendMessage(db, {
          conversationId: conv.id,
          channel,
          direction: inbound ? 'in' : 'out',
          body,
          status: inbound ? 'received' : 'read',
          providerId: inbound ? `${channel === 'whatsapp' ? 'wamid' : 'sms'}-${k}` : null,
          author: inbound ? null : 'desk',
          at,
        });
        Object.assign(conv, withMessage(conv, inbound ? { type: 'inbound', at } : { type: 'outbound', at }, channel, body));
      }
    })();
    progress(`${Math.min(n, from + batch)} / ${n} messages`);
  }

  // Calls: most answered, a fifth missed; the heavy conversations get hundreds.
  db.transaction(() => {
    for (let k = 0; k < size.calls; k++) {
      const p = k < heavy.length * size.heavyCalls ? heavy[k % heavy.length]! : perm[whoPick()]!;
      const startedAt = Math.floor(start + Math.sqrt(r()) * span);
      const x = r();
      const result = x < 0.7 ? 'answered' : x < 0.9 ? 'missed' : x < 0.95 ? 'voicemail' : 'abandoned';
      const inbound = r() < 0.8;
      insertCall(
        db,
        {
          patient_id: conversations[p]!.patient_id,
          conversation_id: conversations[p]!.id,
          direction: inbound ? 'in' : 'out',
          from_number: inbound ? phones[p]! : '+390212345678',
          to_number: inbound ? '+390212345678' : phones[p]!,
          started_at: startedAt,
          ring_seconds: Math.floor(r() * 30),
          talk_seconds: result === 'answered' ? Math.floor(30 + r() * 300) : 0,
          result,
          extension: String(201 + Math.floor(r() * 4)),
          source: 'asterisk',
          source_id: `bench-${k}`,
          note: '',
        },
        startedAt,
      );
    }
  })();
  progress(`${size.calls} calls`);

  // Appointments: over the history and a month ahead, in working hours.
  db.transaction(() => {
    for (let k = 0; k < size.appointments; k++) {
      const p = perm[whoPick()]!;
      const day = Math.floor(start / DAY + r() * (span / DAY + 30));
      const startsAt = day * DAY + (8 + Math.floor(r() * 10)) * 3600_000 + (r() < 0.5 ? 0 : 1800_000);
      insertAppointment(db, {
        patientId: conversations[p]!.patient_id,
        practitionerId: practitioners[k % practitioners.length]!,
        startsAt,
        endsAt: startsAt + 1800_000,
        type: pick(['controllo', 'igiene', 'otturazione', 'kontrola', 'check-up'], r),
        status: startsAt > now ? 'booked' : r() < 0.9 ? 'done' : 'no_show',
      });
    }
  })();
  progress(`${size.appointments} appointments`);

  // The desk closes a conversation once it is dealt with, the same day: a patient's "grazie" after the
  // answer included. What stays in the active inbox is today's traffic (a few hundred conversations, the same at
  // every size), not thousands of forgotten ones.
  db.transaction(() => {
    for (const c of conversations) {
      if (c.last_message_at === null) continue;
      // The desk's own "done" (it also clears the wait and the unread count), as the buttons do.
      if (c.last_message_at < now - CLOSED_AFTER) {
        const done = nextConversationState(conversationStateOf(c), { type: 'markDone' });
        Object.assign(c, { status: done.status, unread_count: done.unreadCount, waiting_since: done.waitingSince, snoozed_until: done.snoozedUntil });
      }
      saveConversationState(db, c.id, c);
    }
  })();
  db.pragma('optimize');
  return {
    size: size.name,
    patients: size.patients,
    messages: n,
    calls: size.calls,
    appointments: size.appointments,
    heavyConversationIds: heavy.map((i) => conversations[i]!.id),
    phones: phones.slice(0, 200),
    now,
  };
}

function patientText(l: BenchLanguage, next: () => number, r: () => number): string {
  const first = PHRASES[l].patient[next()]!;
  return r() < 0.3 ? `${first}. ${PHRASES[l].patient[next()]!}` : first;
}

function pick<T>(list: T[], r: () => number): T {
  return list[Math.floor(r() * list.length)]!;
}

function shuffledIndexes(n: number, r: () => number): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
  return a;
}
