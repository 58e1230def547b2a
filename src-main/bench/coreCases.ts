import { insertAppointment, insertPractitioner } from '../db/repositories/appointments';
import { lastWhatsAppTraffic } from '../db/repositories/whatsappMessages';
import { saveAutoReplySettings } from '../domain/autoreplies/autoReplyService';
import { DEFAULT_AUTO_REPLY_SETTINGS, type AutoReplySettings } from '../domain/autoreplies/autoReplySettings';
import { searchInbox } from '../domain/inbox/searchService';
import { formatPhone } from '../domain/patients/phone';
import type { HttpRequest } from '../app/area';
import { receiveInbound } from '../domain/messaging/messagingService';
import type { BenchCase, BenchEnv } from './benchCase';
import { configureBenchGateway, smsReceivedCall } from './benchGateway';

/**
 * The desk's hot paths with the targets (p95 on 2 shared cores at 1M messages). Searches use
 * the generator's most frequent words and 2-letter prefixes, not a friendly rare word.
 */
const MIN = 60_000;
const INBOUND_TEXT = 'Buongiorno, vorrei spostare l’appuntamento di domani';

/** Six digits from inside a number, as a receptionist types the part they remember ("+39 3|45 678|…"). */
const partialDigits = (e164: string): string => e164.slice(4, 10);

/**
 * One signed SMS Gateway for Android `sms:received` call, as the phone sends it. Building and signing it
 * is the phone's work, so the measured runs get theirs built before the timing starts.
 */
function signedSms(env: BenchEnv, i: number, messageId: string): HttpRequest {
  const { body, headers } = smsReceivedCall({ messageId, text: INBOUND_TEXT, phone: env.facts.phones[i % env.facts.phones.length]!, now: env.app.ctx.clock.now() });
  return {
    method: 'POST',
    path: '/hooks/sms/android',
    url: '/hooks/sms/android',
    params: { provider: 'android' },
    query: new URLSearchParams(),
    headers,
    body: Buffer.from(body, 'utf8'),
    remoteAddress: '127.0.0.2',
  };
}

/** The host's webhook route for the Android gateway, called in-process without the socket. */
function deliver(env: BenchEnv, req: HttpRequest): void {
  const route = env.app.routes.find((r) => r.method === 'POST' && typeof r.path !== 'string' && r.path.test(req.path))!;
  const res = route.handle(req);
  if (res instanceof Promise) throw new Error('the webhook route answers synchronously');
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${JSON.stringify(res.body)}`);
}

/**
 * The raw operation of the ingest cases, as the issue names it: a prepared INSERT into the same table
 * (same indexes and FTS trigger), autocommit. The connection's statement cache (database.ts) compiles it
 * once, so each timed run is the insert alone. It writes at the desk's clock into conversations no ingest
 * case's sender owns: it once wrote at the real date (days after the generated clinic's "now") into the
 * senders' own conversations, so every measured message arrived "before" a later one and paid the
 * late-arrival rebuild of the conversation's waits, a path a desk meets only with a delayed delivery.
 */
function rawMessageInsert(tag: string): NonNullable<BenchCase['raw']> {
  return {
    what: 'one prepared INSERT INTO messages (same indexes and triggers), autocommit',
    run: (i, db, env) => {
      const targets = rawTargets(env);
      return db
        .prepare("INSERT INTO messages (conversation_id, channel, direction, body, status, provider_id, created_at) VALUES (?, 'sms', 'in', ?, 'received', ?, ?)")
        .run(targets[i % targets.length], INBOUND_TEXT, `bench-raw-${tag}-${process.pid}-${i}`, env.app.ctx.clock.now());
    },
  };
}

/** 100 conversations of patients who are not among the ingest cases' senders, looked up once per run. */
const rawTargetsOf = new WeakMap<BenchEnv['facts'], number[]>();
function rawTargets(env: BenchEnv): number[] {
  let ids = rawTargetsOf.get(env.facts);
  if (!ids) {
    ids = env.db
      .prepare(
        `SELECT c.id FROM conversations c WHERE c.patient_id NOT IN
           (SELECT patient_id FROM patient_identities WHERE kind = 'phone' AND value IN (SELECT value FROM json_each(?)))
         ORDER BY c.id DESC LIMIT 100`,
      )
      .all(JSON.stringify(env.facts.phones))
      .map((r) => (r as { id: number }).id);
    rawTargetsOf.set(env.facts, ids);
  }
  return ids;
}

const storeRawInsert = rawMessageInsert('store');

const storeAlone = (i: number, env: BenchEnv): unknown =>
  receiveInbound(env.app.ctx.messaging, { channel: 'sms', providerId: `bench-store-${process.pid}-${i}`, fromPhone: env.facts.phones[i % env.facts.phones.length]!, body: INBOUND_TEXT, at: env.app.ctx.clock.now() });

/** Indexes of the warm-up runs: far from the measured ones (ids stay unique), same phone rotation. */
const WARM_UP_BASE = 1_000_000_000;
const WARM_UP_ROUNDS = 2;

/**
 * Runs an ingest case and its raw insert, untimed, twice over every generated sender before the case is
 * measured. Without it the first ingest case of a run paid V8's compilation of the whole path and the
 * first look-up of each sender (phone parse, the patient's pages) in its own timings, while the cases after
 * it were measured on what it had warmed: "receiveInbound alone" ran third, on the very senders the webhook
 * cases had just looked up. A desk that has been receiving messages is in the warm state, for every case.
 */
function warmUp(env: BenchEnv, run: (i: number, env: BenchEnv) => unknown, raw: NonNullable<BenchCase['raw']>): void {
  for (let k = 0; k < env.facts.phones.length * WARM_UP_ROUNDS; k++) {
    run(WARM_UP_BASE + k, env);
    raw.run(WARM_UP_BASE + k, env.db, env);
  }
}

const ALL_OFF: AutoReplySettings = {
  welcome: { ...DEFAULT_AUTO_REPLY_SETTINGS.welcome, enabled: false },
  outOfHours: { ...DEFAULT_AUTO_REPLY_SETTINGS.outOfHours, enabled: false },
  keywords: { ...DEFAULT_AUTO_REPLY_SETTINGS.keywords, enabled: false },
};

export const coreCases: BenchCase[] = [
  {
    name: 'inbox.counts',
    targetMs: 5,
    runs: 200,
    method: 'inbox.counts',
    params: () => ({}),
    // The counts are maintained (052, 230): the closest raw operation reads one counter. A count(*) over
    // conversations here would scan the table between the case's runs and leave it a cold cache.
    raw: { what: 'the open count from its maintained counter', run: (_i, db) => db.prepare("SELECT sum(n) FROM inbox_counts WHERE status = 'open'").get() },
    plans: true,
  },
  {
    name: 'inbox.list first page (active, 50)',
    targetMs: 5,
    runs: 200,
    method: 'inbox.list',
    params: () => ({ status: 'active', limit: 50 }),
    raw: { what: '50 conversations by last activity', run: (_i, db) => db.prepare('SELECT * FROM conversations ORDER BY last_message_at DESC LIMIT 50').all() },
    plans: true,
  },
  {
    name: 'inbox.list first page (all, 50)',
    targetMs: 5,
    runs: 200,
    method: 'inbox.list',
    params: () => ({ status: 'all', limit: 50 }),
    raw: { what: '50 conversations by last activity', run: (_i, db) => db.prepare('SELECT * FROM conversations ORDER BY last_message_at DESC LIMIT 50').all() },
    plans: true,
  },
  {
    name: 'inbox.list channel filter (sms, all)',
    targetMs: 5,
    runs: 200,
    method: 'inbox.list',
    params: () => ({ status: 'all', channel: 'sms', limit: 50 }),
    raw: { what: '50 conversations by last activity', run: (_i, db) => db.prepare('SELECT * FROM conversations ORDER BY last_message_at DESC LIMIT 50').all() },
    plans: true,
  },
  {
    name: 'inbox.list channel filter (call, active)',
    targetMs: 5,
    runs: 200,
    method: 'inbox.list',
    params: () => ({ status: 'active', channel: 'call', limit: 50 }),
    plans: true,
  },
  {
    name: 'inbox.list unanswered',
    targetMs: 5,
    runs: 200,
    method: 'inbox.list',
    params: () => ({ status: 'active', unanswered: true, limit: 50 }),
    plans: true,
  },
  {
    name: 'conversation.get (random patient)',
    targetMs: 5,
    runs: 200,
    method: 'conversation.get',
    params: (i, env) => ({ conversationId: 1 + ((i * 7919) % env.facts.patients) }),
    raw: { what: 'last 50 messages of a conversation', run: (i, db, env) => db.prepare('SELECT * FROM messages WHERE conversation_id = ? ORDER BY created_at DESC LIMIT 50').all(1 + ((i * 7919) % env.facts.patients)) },
    plans: true,
  },
  {
    name: 'conversation.get (heaviest conversation)',
    targetMs: 5,
    runs: 100,
    method: 'conversation.get',
    params: (_i, env) => ({ conversationId: env.facts.heavyConversationIds[0] }),
    raw: { what: 'last 50 messages of it', run: (_i, db, env) => db.prepare('SELECT * FROM messages WHERE conversation_id = ? ORDER BY created_at DESC LIMIT 50').all(env.facts.heavyConversationIds[0]) },
    plans: true,
  },
  ...(
    [
      ['search frequent word "appuntamento"', 'appuntamento'],
      ['search two words "spostare pomeriggio"', 'spostare pomeriggio'],
      ['search 2-letter prefix "ap"', 'ap'],
      ['search 3-letter prefix "wiz"', 'wiz'],
      ['search without diacritics "przelozyc"', 'przelozyc'],
      ['search patient name "rossi"', 'rossi'],
    ] as const
  ).map(
    ([name, query]): BenchCase => ({
      name,
      targetMs: 30,
      runs: 100,
      method: 'inbox.search',
      params: () => ({ query, limit: 30 }),
      raw: { what: 'bare FTS MATCH … LIMIT 20', run: (_i, db) => db.prepare('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? LIMIT 20').all(`"${query.split(' ')[0]}"*`) },
      plans: true,
      // The API runs these statements on the search worker; the plans are read from the same SQL here.
      planOf: (env) => searchInbox(env.db, query, 'IT', 30),
    }),
  ),
  {
    name: 'search phone, exact (+39 … as typed)',
    targetMs: 30,
    runs: 100,
    method: 'inbox.search',
    params: (i, env) => ({ query: formatPhone(env.facts.phones[i % env.facts.phones.length]!), limit: 30 }),
    raw: { what: 'identity by exact value', run: (i, db, env) => db.prepare("SELECT patient_id FROM patient_identities WHERE kind = 'phone' AND value = ?").get(env.facts.phones[i % env.facts.phones.length]) },
    plans: true,
    planOf: (env) => searchInbox(env.db, formatPhone(env.facts.phones[0]!), 'IT', 30),
  },
  {
    name: 'search phone, partial digits',
    targetMs: 30,
    runs: 100,
    method: 'inbox.search',
    params: (i, env) => ({ query: partialDigits(env.facts.phones[i % env.facts.phones.length]!), limit: 30 }),
    raw: { what: 'identity by exact value', run: (i, db, env) => db.prepare("SELECT patient_id FROM patient_identities WHERE kind = 'phone' AND value = ?").get(env.facts.phones[i % env.facts.phones.length]) },
    plans: true,
    planOf: (env) => searchInbox(env.db, partialDigits(env.facts.phones[0]!), 'IT', 30),
  },
  ...([false, true] as const).map((rulesOn): BenchCase => {
    const rawInsert = rawMessageInsert(`webhook-${rulesOn}`);
    const request = (i: number, env: BenchEnv): HttpRequest => signedSms(env, i, `bench-in-${rulesOn}-${process.pid}-${i}`);
    /** The measured runs' requests (index = run), signed in `before`. */
    let signed: HttpRequest[] = [];
    return {
      name: `ingest: SMS webhook, auto-replies ${rulesOn ? 'on (defaults)' : 'off'}`,
      targetMs: null,
      runs: 300,
      setup: (env) => configureBenchGateway(env.db, env.app.ctx.secrets, env.app.ctx.clock.now()),
      before(env) {
        saveAutoReplySettings(env.db, rulesOn ? DEFAULT_AUTO_REPLY_SETTINGS : ALL_OFF);
        warmUp(env, (i) => deliver(env, request(i, env)), rawInsert);
        // Run 0 is the measurement's own warm-up call, then runs 1…runs (`this`: the case with --runs applied).
        signed = Array.from({ length: this.runs + 1 }, (_, i) => request(i, env));
      },
      // The product's own path for an SMS arriving: the host's webhook route (signature, parse, store,
      // opt-out and auto-reply listeners, the webhook log line).
      run: (i, env) => deliver(env, signed[i]!),
      raw: rawInsert,
      // The target is for the path itself (rules off); with rules on the reply is real extra work.
      ratio: rulesOn ? { kind: 'overhead' } : { kind: 'throughput', atLeast: 0.3 },
    };
  }),
  {
    // The store step every channel shares (webhook, polling, WhatsApp), without the webhook's signature
    // check, parsing and log line: where the path's time goes, reported beside the judged webhook case.
    name: 'ingest: receiveInbound alone, auto-replies off',
    targetMs: null,
    runs: 300,
    before: (env) => {
      saveAutoReplySettings(env.db, ALL_OFF);
      warmUp(env, storeAlone, storeRawInsert);
    },
    run: storeAlone,
    raw: storeRawInsert,
    ratio: { kind: 'throughput' },
  },
  {
    name: 'lastWhatsAppTraffic (run at every start)',
    targetMs: 1,
    runs: 50,
    run: (_i, env) => lastWhatsAppTraffic(env.db),
    plans: true,
  },
  {
    name: 'delays.announce (30 notices)',
    targetMs: 5,
    runs: 100,
    setup: (env) => {
      const p = insertPractitioner(env.db, { name: 'Dott. Bench' });
      const start = env.app.ctx.clock.now() + 10 * MIN;
      for (let k = 0; k < 30; k++) {
        insertAppointment(env.db, { patientId: 1 + k * 13, practitionerId: p, startsAt: start + k * 10 * MIN, endsAt: start + (k + 1) * 10 * MIN, type: 'controllo' });
      }
      (env as { delayPractitioner?: number }).delayPractitioner = p;
    },
    method: 'delays.announce',
    params: (i, env) => ({ practitionerId: (env as { delayPractitioner?: number }).delayPractitioner, minutes: 15 + (i % 20) }),
  },
  {
    name: 'delays.preview (30 notices)',
    targetMs: 5,
    runs: 100,
    method: 'delays.preview',
    params: (_i, env) => ({ practitionerId: (env as { delayPractitioner?: number }).delayPractitioner }),
  },
];
