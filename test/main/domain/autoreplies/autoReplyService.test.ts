/**
 * The auto-reply service against a real database: inbound messages go through receiveInbound (as a channel
 * would deliver them), the templates area's hook decides, and what was queued is read back from the
 * messages and outbox tables. The clinic is the default one (Europe/Rome, Mon–Fri 08:00–19:00, Sat
 * 08:30–13:00, Italian holidays) with the starter templates.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadLanguageDetector } from '../../../../src-main/domain/autoreplies/languageDetector';
import { setConsent } from '../../../../src-main/db/repositories/patients';
import { handleInbound } from '../../../../src-main/domain/autoreplies/autoReplyService';
import { receiveInbound } from '../../../../src-main/domain/messaging/messagingService';
import { ManualClock } from '../../../../src-main/domain/shared/clock';
import { tempApp } from '../../../helpers/tempApp';

// The detector loads on first need; these tests exercise detection, so have it loaded.
beforeAll(() => loadLanguageDetector());

type TestApp = Awaited<ReturnType<typeof tempApp>>;

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

const MIN = 60_000;
const DAY = 86_400_000;
/** Wall-clock time in Rome (UTC+1 in November/December, UTC+2 in summer) as UTC ms. */
const rome = (y: number, mo: number, d: number, h: number, mi = 0, offset = 1): number => Date.UTC(y, mo - 1, d, h - offset, mi);
const MON_2100 = rome(2026, 11, 23, 21); // Monday 23 November 2026, 21:00
const MON_1000 = rome(2026, 11, 23, 10);

async function app(): Promise<TestApp> {
  const a = await tempApp({ autoReplies: true });
  cleanup = a.cleanup;
  return a;
}

let seq = 0;
/** The patient writes at `at` (the clock moves there first, as it would in real life). */
function write(a: TestApp, from: string, body: string, at: number, channel: 'whatsapp' | 'sms' = 'sms') {
  a.clock.set(at);
  return receiveInbound(a.ctx.messaging, { channel, providerId: `in-${++seq}`, fromPhone: from, body, at });
}

function automatic(a: TestApp, conversationId: number): Array<{ body: string; kind: string; language: string }> {
  return (
    a.ctx.db
      .prepare(
        `SELECT m.body, r.kind, r.language FROM auto_replies r JOIN messages m ON m.id = r.message_id
         WHERE r.conversation_id = ? ORDER BY r.at, r.id`,
      )
      .all(conversationId) as Array<{ body: string; kind: string; language: string }>
  );
}

function outboxKeys(a: TestApp): string[] {
  return (a.ctx.db.prepare('SELECT idempotency_key AS k FROM outbox ORDER BY id').all() as Array<{ k: string }>).map((r) => r.k);
}

describe('automatic replies in a running app', () => {
  it('welcomes a first message in the patient\'s language, once, through the outbox', async () => {
    const a = await app();
    const first = write(a, '+39 333 123 4567', 'Buongiorno, vorrei sapere se avete posto per una pulizia dei denti', MON_1000);
    const replies = automatic(a, first.conversationId);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ kind: 'welcome', language: 'it' });
    expect(replies[0]!.body).toMatch(/^Gentile paziente, grazie per averci contattato!/);
    expect(outboxKeys(a)).toEqual([`autoreply:${first.message.id}`]);
    const out = a.ctx.db.prepare("SELECT author, status, channel, json_extract(meta, '$.autoReply') AS kind FROM messages WHERE direction = 'out'").get();
    expect(out).toEqual({ author: null, status: 'queued', channel: 'sms', kind: 'welcome' });
    // An automatic reply is not the clinic's answer: the conversation still waits for a person.
    expect(a.ctx.db.prepare('SELECT waiting_since FROM conversations WHERE id = ?').get(first.conversationId)).toEqual({ waiting_since: MON_1000 });

    // Handling the same inbound again (a crash and a replay) queues nothing more.
    handleInbound(a.ctx.messaging, { messageId: first.message.id, conversationId: first.conversationId, channel: 'sms', body: 'x', kind: 'text', at: MON_1000 });
    expect(automatic(a, first.conversationId)).toHaveLength(1);

    // Another message the same day gets no second welcome.
    write(a, '+39 333 123 4567', 'Sarebbe possibile anche nel pomeriggio verso le cinque?', MON_1000 + 30 * MIN);
    expect(automatic(a, first.conversationId)).toHaveLength(1);
  });

  it('welcomes again after 14 days of silence, not after 13', async () => {
    const a = await app();
    const { conversationId } = write(a, '+39 333 765 4321', 'Buongiorno, una domanda sulla fattura', MON_1000);
    // Monday 7 December, 09:00: one hour short of 14 days.
    write(a, '+39 333 765 4321', 'Buongiorno, ho ricevuto la fattura, grazie mille', MON_1000 + 14 * DAY - 60 * MIN);
    expect(automatic(a, conversationId).map((r) => r.kind)).toEqual(['welcome']);
    // Monday 21 December, 10:00: 14 days and one hour later.
    write(a, '+39 333 765 4321', 'Buongiorno, sono di nuovo Marco Ferri', MON_1000 + 28 * DAY);
    expect(automatic(a, conversationId).map((r) => r.kind)).toEqual(['welcome', 'welcome']);
  });

  it('answers out of hours once per conversation per day, with the next opening, in Polish', async () => {
    const a = await app();
    const first = write(a, '+48 601 234 567', 'Dzień dobry, czy mogę przełożyć wizytę na przyszły tydzień?', MON_2100, 'whatsapp');
    let replies = automatic(a, first.conversationId);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ kind: 'out_of_hours', language: 'pl' });
    expect(replies[0]!.body).toContain('Przychodnia jest teraz nieczynna');
    expect(replies[0]!.body).toContain('(jutro, 08:00)');
    expect(replies[0]!.body).toMatch(/Godziny otwarcia: pon\.?–pt\.? 08:00–19:00; sob\.? 08:30–13:00/);

    // The same evening: nothing more, whatever they write (even a question a keyword would answer).
    write(a, '+48 601 234 567', 'Halo? Jakie są godziny otwarcia?', MON_2100 + 25 * MIN, 'whatsapp');
    write(a, '+48 601 234 567', 'Przepraszam, jeszcze jedno pytanie', MON_2100 + 90 * MIN, 'whatsapp');
    // After midnight, still within 8 hours of the evening reply: no second one at 00:30.
    write(a, '+48 601 234 567', 'Dobranoc', MON_2100 + 210 * MIN, 'whatsapp');
    replies = automatic(a, first.conversationId);
    expect(replies.map((r) => r.kind)).toEqual(['out_of_hours']);

    // The next evening is a new day.
    write(a, '+48 601 234 567', 'Dzień dobry, czy jest wolny termin w piątek?', MON_2100 + DAY, 'whatsapp');
    expect(automatic(a, first.conversationId).map((r) => r.kind)).toEqual(['out_of_hours', 'out_of_hours']);
  });

  it('says when the clinic reopens after a public holiday', async () => {
    const a = await app();
    // Monday 7 December 2026, 20:00; Tuesday 8 December is the Immacolata: reopens Wednesday.
    const { conversationId } = write(a, '+39 347 222 3333', 'Buonasera, domani siete aperti?', rome(2026, 12, 7, 20));
    const [reply] = automatic(a, conversationId);
    expect(reply?.kind).toBe('out_of_hours');
    expect(reply?.body).toContain('(mercoledì 9 dicembre, 08:00)');
  });

  it('gets the day and the next opening right on the night clocks go forward', async () => {
    const a = await app();
    // Saturday 28 March 2026, 23:30 CET; at 02:00 the clocks jump to 03:00 CEST.
    const { conversationId } = write(a, '+39 347 444 5555', 'Buonasera, lunedì mattina avete posto?', rome(2026, 3, 28, 23, 30));
    // Two hours later it is Sunday 02:30 CEST (00:30 UTC): a new local day, but the 8-hour quiet rule holds across midnight and the change.
    write(a, '+39 347 444 5555', 'Anche martedì va bene.', rome(2026, 3, 29, 1, 30));
    // Sunday 22:00 CEST is a new day: one more, announcing Monday 08:00 CEST (06:00 UTC).
    write(a, '+39 347 444 5555', 'Scusate, nessuna risposta?', rome(2026, 3, 29, 22, 0, 2));
    const replies = automatic(a, conversationId);
    expect(replies.map((r) => r.kind)).toEqual(['out_of_hours', 'out_of_hours']);
    expect(replies[0]!.body).toContain('(lunedì 30 marzo, 08:00)');
    expect(replies[1]!.body).toContain('(domani, 08:00)');
  });

  it('answers a keyword question in the patient\'s language, with the one reply the message gets', async () => {
    const a = await app();
    await a.call('clinicProfile.save', { address: 'Via Torino 45, 20123 Milano', phone: '+39 02 8734 5120', website: 'www.studiomoretti.it' });
    const { conversationId } = write(a, '+39 347 111 2222', 'Buongiorno, vorrei fissare un controllo', MON_1000);
    write(a, '+39 347 111 2222', 'Scusate, quali sono i vostri orari?', MON_1000 + 40 * MIN);
    const replies = automatic(a, conversationId);
    expect(replies.map((r) => r.kind)).toEqual(['welcome', 'keyword']);
    expect(replies[1]!.body).toMatch(/^I nostri orari: lun–ven 08:00–19:00; sab 08:30–13:00\./);
    // A first message that is also a keyword question gets one reply, not a welcome and an answer.
    const other = write(a, '+48 512 345 678', 'Dzień dobry, jaki jest adres przychodni?', MON_1000 + 50 * MIN);
    expect(automatic(a, other.conversationId).map((r) => r.kind)).toEqual(['keyword']);
    // Every inbound has at most one automatic reply (the schema holds it too: inbound_message_id is UNIQUE).
    const perInbound = a.ctx.db.prepare('SELECT max(n) AS n FROM (SELECT count(*) AS n FROM auto_replies GROUP BY inbound_message_id)').get();
    expect(perInbound).toEqual({ n: 1 });
  });

  it('tells the desk instead of sending "{{…}}" when the clinic profile lacks a value', async () => {
    const a = await app();
    // A new clinic has not typed its phone yet; the hours answer needs it and has no fallback.
    const { conversationId } = write(a, '+39 347 111 2222', 'Buongiorno, quali sono i vostri orari?', MON_1000);
    expect(automatic(a, conversationId)).toEqual([]);
    const event = a.ctx.db.prepare("SELECT body, json_extract(meta, '$.event') AS event FROM messages WHERE conversation_id = ? AND channel = 'system'").get(conversationId);
    expect(event).toEqual({ event: 'auto_reply_unsendable', body: 'Risposta automatica (keyword) non inviata: manca il modello o il valore di {{clinic.phone}}.' });
  });

  it('never loops with another auto-responder', async () => {
    const a = await app();
    // The other side is a business with its own auto-responder answering everything within seconds.
    const bot = '+39 02 1234 5678';
    const { conversationId } = write(a, bot, 'Buonasera, avrei bisogno di una informazione sul preventivo', MON_2100);
    expect(automatic(a, conversationId)).toHaveLength(1);
    for (let i = 1; i <= 6; i++) {
      write(a, bot, 'Gentile cliente, abbiamo ricevuto il Suo messaggio. La contatteremo al più presto.', MON_2100 + i * 20_000);
    }
    write(a, bot, 'Risposta automatica: grazie per averci contattato, Le risponderemo appena possibile.', MON_2100 + 5 * MIN);
    expect(automatic(a, conversationId)).toHaveLength(1);
    const held = a.ctx.db
      .prepare("SELECT json_extract(meta, '$.reason') AS reason FROM messages WHERE conversation_id = ? AND channel = 'system' ORDER BY id")
      .all(conversationId);
    expect(held).toContainEqual({ reason: 'rapid_exchange' });
    expect(held).toContainEqual({ reason: 'auto_responder_text' });
  });

  it('sends nothing automatic to a patient who opted out of the channel', async () => {
    const a = await app();
    const first = write(a, '+39 333 999 0000', 'Buongiorno, una domanda veloce', MON_1000 - 3 * DAY);
    setConsent(a.ctx.db, first.patientId, 'sms', false, MON_1000 - 2 * DAY, 'STOP');
    write(a, '+39 333 999 0000', 'Quali sono gli orari?', MON_1000);
    write(a, '+39 333 999 0000', 'Siete aperti stasera?', MON_2100);
    expect(automatic(a, first.conversationId).map((r) => r.kind)).toEqual(['welcome']);
  });

  it('sends nothing when every automatic reply is switched off', async () => {
    const a = await app();
    const settings = (await a.call('autoReplies.get', {})) as { welcome: { enabled: boolean }; outOfHours: { enabled: boolean }; keywords: { enabled: boolean } };
    await a.call('autoReplies.save', { ...settings, welcome: { ...settings.welcome, enabled: false }, outOfHours: { ...settings.outOfHours, enabled: false }, keywords: { ...settings.keywords, enabled: false } });
    const { conversationId } = write(a, '+39 333 555 6666', 'Quali sono gli orari?', MON_2100);
    expect(automatic(a, conversationId)).toEqual([]);
    expect(outboxKeys(a)).toEqual([]);
  });

  it('uses the template chosen in the settings, and rejects settings naming a bad field', async () => {
    const a = await app();
    const saved = (await a.call('templates.save', {
      name: 'Chiuso per ferie',
      shortcode: 'ferie',
      category: 'out_of_hours',
      variants: { it: 'Siamo in ferie, riapriamo {{clinic.next_opening|presto}}.', pl: 'Jesteśmy na urlopie, otwieramy {{clinic.next_opening|wkrótce}}.' },
    })) as { template: { id: number } };
    const settings = (await a.call('autoReplies.get', {})) as Record<string, unknown> & { outOfHours: object };
    await a.call('autoReplies.save', { ...settings, outOfHours: { enabled: true, templateId: saved.template.id } });
    const { conversationId } = write(a, '+48 601 000 111', 'Dzień dobry, mam pytanie o wizytę', MON_2100);
    expect(automatic(a, conversationId)[0]?.body).toBe('Jesteśmy na urlopie, otwieramy jutro, 08:00.');
    // Deleted later: the category's first template answers instead.
    await a.call('templates.delete', { id: saved.template.id });
    const next = write(a, '+48 601 000 112', 'Dzień dobry, mam pytanie o wizytę', MON_2100 + 10 * MIN);
    expect(automatic(a, next.conversationId)[0]?.body).toMatch(/^Dzień dobry, dziękujemy za wiadomość\. Przychodnia jest teraz nieczynna/);
    await expect(a.call('autoReplies.save', { ...settings, welcome: { enabled: true, templateId: null, silenceDays: 0 } })).rejects.toThrow(/silenceDays/);
  });
});

describe('the demo clinic', () => {
  it('answers a Polish patient writing at 21:00 on a weekday once, in Polish, with the next opening time', async () => {
    const a = await tempApp({ autoReplies: true, demo: { simulate: false }, clock: new ManualClock(MON_2100 - 5 * MIN) });
    cleanup = a.cleanup;
    const kasia = '+48601234567';
    const first = write(a, kasia, 'Dobry wieczór, czy jutro rano jest może wolny termin na przegląd?', MON_2100, 'whatsapp');
    const replies = automatic(a, first.conversationId);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.kind).toBe('out_of_hours');
    expect(replies[0]!.body).toBe(
      'Dzień dobry, dziękujemy za wiadomość. Przychodnia jest teraz nieczynna – odpowiemy po otwarciu (jutro, 08:00).\n' +
        'Godziny otwarcia: pon.–pt. 08:00–19:00; sob. 08:30–13:00\nwww.studiomoretti.it',
    );
    write(a, kasia, 'Ewentualnie w środę po południu też mi pasuje.', MON_2100 + 40 * MIN, 'whatsapp');
    expect(automatic(a, first.conversationId)).toHaveLength(1);
  });
});
