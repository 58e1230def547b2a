import { afterEach, describe, expect, it } from 'vitest';
import { applyStatus, queueOutgoing, receiveInbound } from '../../../../src-main/domain/messaging/messagingService';
import { getConversationListRow } from '../../../../src-main/db/repositories/conversations';
import { inboxCounts } from '../../../../src-main/db/repositories/inbox';
import { toSummary } from '../../../../src-main/domain/messaging/timeline';
import type { ConversationSummary } from '../../../../src-main/contract/inbox';
import { tempApp, T0 } from '../../../helpers/tempApp';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

describe('messaging service', () => {
  it('stores a re-delivered provider message once and creates the patient once', async () => {
    const app = await tempApp();
    cleanup = app.cleanup;
    const events: string[] = [];
    app.ctx.events.onAny((name) => events.push(name));
    const m = { channel: 'whatsapp' as const, providerId: 'WA-3EB0C4', fromPhone: '+48 601 234 567', fromWhatsappJid: '48601234567@s.whatsapp.net', pushName: 'Kasia Kowalska', body: 'Dzień dobry', at: T0 };
    const first = receiveInbound(app.ctx.messaging, m);
    const again = receiveInbound(app.ctx.messaging, m);
    const third = receiveInbound(app.ctx.messaging, { ...m, at: T0 + 5000 });
    expect(first.created).toBe(true);
    expect(first.newPatient).toBe(true);
    expect([again.created, third.created]).toEqual([false, false]);
    expect(again.message.id).toBe(first.message.id);
    expect(app.ctx.db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 1 });
    expect(app.ctx.db.prepare('SELECT first_name, last_name FROM patients').all()).toEqual([{ first_name: 'Kasia', last_name: 'Kowalska' }]);
    expect(events.filter((e) => e === 'message.created')).toHaveLength(1);
  });

  it('joins SMS and WhatsApp from the same number into one conversation, however the number is written', async () => {
    const app = await tempApp({ });
    cleanup = app.cleanup;
    await app.call('settings.update', { defaultRegion: 'PL' });
    const a = receiveInbound(app.ctx.messaging, { channel: 'whatsapp', providerId: 'w1', fromPhone: null, fromWhatsappJid: '48601234567@s.whatsapp.net', body: 'hej', at: T0 });
    receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 's0', fromPhone: '+48601234567', body: 'pierwszy', at: T0 - 1 });
    const b = receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 's1', fromPhone: '601 234 567', body: 'hej sms', at: T0 + 1 });
    const c = receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 's2', fromPhone: '0048601234567', body: 'jeszcze', at: T0 + 2 });
    // The WhatsApp-only contact became its own patient (no phone yet); every SMS form of the number lands in one conversation.
    expect(b.conversationId).toBe(c.conversationId);
    expect(a.conversationId).not.toBe(b.conversationId);
    const conv = app.ctx.db.prepare('SELECT unread_count, waiting_since, status FROM conversations WHERE id = ?').get(b.conversationId);
    expect(conv).toEqual({ unread_count: 3, waiting_since: T0 - 1, status: 'open' });
  });

  it('refuses a message with neither phone nor WhatsApp id, and writes nothing', async () => {
    const app = await tempApp();
    cleanup = app.cleanup;
    expect(() => receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'x', fromPhone: 'n/a', body: 'hi', at: T0 })).toThrow(/needs a phone number/);
    expect(app.ctx.db.prepare('SELECT (SELECT count(*) FROM patients) + (SELECT count(*) FROM messages) AS n').get()).toEqual({ n: 0 });
  });

  it('a reply clears "waiting since" and receipts only move forward', async () => {
    const app = await tempApp();
    cleanup = app.cleanup;
    const { conversationId } = receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'in', fromPhone: '+393331234567', body: 'Salve', at: T0 });
    app.clock.advance(60_000);
    const { message } = queueOutgoing(app.ctx.messaging, { conversationId, body: 'Buongiorno!', author: 'Anna' });
    expect(message.channel).toBe('sms');
    expect(app.ctx.db.prepare('SELECT waiting_since, status, unread_count FROM conversations').get()).toEqual({ waiting_since: null, status: 'waiting', unread_count: 0 });
    app.ctx.db.prepare("UPDATE messages SET provider_id = 'P1', status = 'sent' WHERE id = ?").run(message.id);
    expect(applyStatus(app.ctx.messaging, { channel: 'sms', providerId: 'P1', status: 'read', at: T0 + 2 })).toBe(true);
    expect(applyStatus(app.ctx.messaging, { channel: 'sms', providerId: 'P1', status: 'delivered', at: T0 + 3 })).toBe(false);
    expect(applyStatus(app.ctx.messaging, { channel: 'sms', providerId: 'unknown', status: 'read', at: T0 + 3 })).toBe(false);
    expect(app.ctx.db.prepare('SELECT status FROM messages WHERE id = ?').get(message.id)).toEqual({ status: 'read' });
  });

  it('an automatic message does not count as the clinic answering', async () => {
    const app = await tempApp();
    cleanup = app.cleanup;
    const { conversationId } = receiveInbound(app.ctx.messaging, { channel: 'whatsapp', providerId: 'in', fromPhone: '+393331234567', fromWhatsappJid: '393331234567@s.whatsapp.net', body: 'Salve', at: T0 });
    const { message } = queueOutgoing(app.ctx.messaging, { conversationId, body: 'Grazie per averci contattato', author: null, automatic: true });
    expect(message.channel).toBe('whatsapp');
    expect(app.ctx.db.prepare('SELECT waiting_since, status FROM conversations').get()).toEqual({ waiting_since: T0, status: 'open' });
  });

  it('pushes the summary of the state it wrote, the same as the stored list row', async () => {
    const app = await tempApp();
    cleanup = app.cleanup;
    const pushed: ConversationSummary[] = [];
    app.ctx.events.on('conversation.updated', ({ conversation }) => pushed.push(conversation));
    const first = receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'a1', fromPhone: '+393331234567', pushName: 'Giulia Neri', body: 'Buongiorno', at: T0 });
    receiveInbound(app.ctx.messaging, { channel: 'whatsapp', providerId: 'a2', fromPhone: '+393331234567', fromWhatsappJid: '393331234567@s.whatsapp.net', body: 'Posso spostare la visita?', at: T0 + 60_000 });
    expect(pushed).toHaveLength(2);
    expect(pushed[1]).toEqual(toSummary(getConversationListRow(app.ctx.db, first.conversationId)!));
    expect(pushed[1]).toMatchObject({ unreadCount: 2, waitingSince: T0, lastChannel: 'whatsapp', lastPreview: 'Posso spostare la visita?', phone: '+393331234567' });
  });

  it('reads the conversation again when a listener wrote to it (an automatic answer), so the desks see the last state', async () => {
    const app = await tempApp();
    cleanup = app.cleanup;
    const off = app.ctx.events.on('message.created', ({ conversationId, message }) => {
      if (message.direction === 'in') queueOutgoing(app.ctx.messaging, { conversationId, body: 'Grazie, Le risponderemo a breve', author: null, automatic: true });
    });
    const pushed: ConversationSummary[] = [];
    app.ctx.events.on('conversation.updated', ({ conversation }) => pushed.push(conversation));
    const { conversationId } = receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'b1', fromPhone: '+393331234567', body: 'Salve', at: T0 });
    off();
    expect(pushed.at(-1)).toEqual(toSummary(getConversationListRow(app.ctx.db, conversationId)!));
    expect(pushed.at(-1)).toMatchObject({ lastDirection: 'out', lastPreview: 'Grazie, Le risponderemo a breve', waitingSince: T0 });
  });

  it('a re-delivery that would have made a new patient leaves nothing behind', async () => {
    const app = await tempApp();
    cleanup = app.cleanup;
    const first = receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'same-id', fromPhone: '+393331234567', body: 'Salve', at: T0 });
    const again = receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'same-id', fromPhone: '+393339999999', body: 'Salve', at: T0 + 1000 });
    expect(again).toMatchObject({ created: false, newPatient: false, conversationId: first.conversationId, patientId: first.patientId });
    expect(again.message.id).toBe(first.message.id);
    expect(app.ctx.db.prepare('SELECT (SELECT count(*) FROM patients) AS p, (SELECT count(*) FROM conversations) AS c, (SELECT count(*) FROM patient_identities) AS i').get()).toEqual({ p: 1, c: 1, i: 1 });
  });
  it('a WhatsApp sender known by id whose number is new: the number is learnt, and an SMS from it joins the same conversation', async () => {
    const app = await tempApp();
    cleanup = app.cleanup;
    const jid = '393331234567@s.whatsapp.net';
    const a = receiveInbound(app.ctx.messaging, { channel: 'whatsapp', providerId: 'w1', fromPhone: null, fromWhatsappJid: jid, body: 'Ciao', at: T0 });
    const b = receiveInbound(app.ctx.messaging, { channel: 'whatsapp', providerId: 'w2', fromPhone: '+393331234567', fromWhatsappJid: jid, body: 'Sono io', at: T0 + 1 });
    const c = receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 's1', fromPhone: '+393331234567', body: 'Anche via SMS', at: T0 + 2 });
    expect([b.conversationId, c.conversationId]).toEqual([a.conversationId, a.conversationId]);
    expect([a.newPatient, b.newPatient, c.newPatient]).toEqual([true, false, false]);
    expect(app.ctx.db.prepare('SELECT kind, value FROM patient_identities ORDER BY id').all()).toEqual([
      { kind: 'whatsapp', value: jid },
      { kind: 'phone', value: '+393331234567' },
    ]);
  });

  it("a known sender's message: one read of who wrote and their conversation, one INSERT, one UPDATE", async () => {
    const app = await tempApp();
    cleanup = app.cleanup;
    receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'k1', fromPhone: '+393331234567', body: 'Salve', at: T0 });
    const db = app.ctx.db;
    const ran: string[] = [];
    const prepare = db.prepare;
    db.prepare = ((sql: string) => {
      const st = prepare.call(db, sql);
      return new Proxy(st, { get: (t, k) => (k === 'run' || k === 'get' || k === 'all' ? (...a: unknown[]) => (ran.push(sql.replace(/\s+/g, ' ').trim()), (t[k] as (...x: unknown[]) => unknown)(...a)) : Reflect.get(t, k, t)) });
    }) as typeof db.prepare;
    try {
      receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'k2', fromPhone: '+393331234567', body: 'Una domanda', at: T0 + 60_000 });
    } finally {
      db.prepare = prepare;
    }
    expect(ran.filter((s) => s.includes('patient_identities who'))).toHaveLength(1);
    expect(ran.filter((s) => /^SELECT patient_id FROM patient_identities/.test(s))).toHaveLength(0);
    expect(ran.filter((s) => s.startsWith('INSERT'))).toHaveLength(1);
    expect(ran.filter((s) => s.startsWith('UPDATE'))).toHaveLength(1);
    expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 2 });
  });
  it('keeps the maintained inbox counters equal to a recount while messages reopen, answer and close conversations', async () => {
    const app = await tempApp();
    cleanup = app.cleanup;
    const db = app.ctx.db;
    const phones = Array.from({ length: 12 }, (_, k) => `+3933312345${String(k).padStart(2, '0')}`);
    let n = 0;
    for (let round = 0; round < 4; round++) {
      for (const [k, phone] of phones.entries()) {
        const { conversationId } = receiveInbound(app.ctx.messaging, { channel: k % 3 ? 'sms' : 'whatsapp', providerId: `c-${n++}`, fromPhone: phone, body: `messaggio ${round}`, at: T0 + n * 1000 });
        if ((k + round) % 3 === 0) queueOutgoing(app.ctx.messaging, { conversationId, body: 'Risposta', author: 'Anna' });
        if ((k + round) % 4 === 0) db.prepare("UPDATE conversations SET status = 'done', waiting_since = NULL, unread_count = 0 WHERE id = ?").run(conversationId);
        if ((k + round) % 5 === 0) db.prepare("UPDATE conversations SET status = 'snoozed', snoozed_until = ? WHERE id = ?").run(T0 + 86_400_000, conversationId);
      }
      const brute = db
        .prepare(
          `SELECT sum(status = 'open') AS open, sum(status = 'waiting') AS waiting, sum(status = 'done') AS done, sum(status = 'snoozed') AS snoozed,
             sum(waiting_since IS NOT NULL AND status IN ('open','waiting')) AS unanswered,
             sum(CASE WHEN status IN ('open','waiting') THEN unread_count ELSE 0 END) AS unread FROM conversations WHERE last_message_at IS NOT NULL`,
        )
        .get() as Record<string, number>;
      expect(inboxCounts(db, 'Anna'), `after round ${round}`).toMatchObject(brute);
    }
    // Every kind of move happened: the recount is not of an inbox that stayed still.
    const last = inboxCounts(db, 'Anna');
    expect([last.open, last.waiting, last.done, last.snoozed, last.unread].every((x) => x > 0)).toBe(true);
  });
});
