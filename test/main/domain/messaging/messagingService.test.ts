import { afterEach, describe, expect, it } from 'vitest';
import { applyStatus, queueOutgoing, receiveInbound } from '../../../../src-main/domain/messaging/messagingService';
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
});
