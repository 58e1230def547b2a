import { afterEach, describe, expect, it } from 'vitest';
import { outboxByKey, outboxCounts } from '../../../../src-main/db/repositories/outbox';
import type { ChannelSender, OutgoingMessage, SendResult } from '../../../../src-main/domain/messaging/channelPort';
import { queueOutgoing, receiveInbound } from '../../../../src-main/domain/messaging/messagingService';
import { OutboxWorker } from '../../../../src-main/domain/outbox/outboxWorker';
import { retryDelay, MAX_ATTEMPTS } from '../../../../src-main/domain/outbox/backoff';
import { seededRandom } from '../../../../src-main/domain/shared/random';
import { tempApp, T0 } from '../../../helpers/tempApp';

/** A provider whose answers the test scripts, recording every attempt. */
class ScriptedSender implements ChannelSender {
  readonly channel = 'sms' as const;
  readonly attempts: OutgoingMessage[] = [];
  constructor(private readonly script: SendResult[]) {}
  async send(m: OutgoingMessage): Promise<SendResult> {
    this.attempts.push(m);
    return this.script.shift() ?? { ok: true, providerId: `p-${m.outboxId}-${this.attempts.length}` };
  }
}

const fail503: SendResult = { ok: false, code: 'provider_error', reason: 'Provider answered 503', retryable: true };

async function withConversation() {
  const app = await tempApp();
  const { conversationId } = receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'in-1', fromPhone: '+393331234567', body: 'Buongiorno', at: T0 });
  return { app, conversationId };
}

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

describe('outbox', () => {
  it('writes the message and its outbox row together, and a repeated idempotency key is a no-op', async () => {
    const { app, conversationId } = await withConversation();
    cleanup = app.cleanup;
    const a = queueOutgoing(app.ctx.messaging, { conversationId, body: 'Ritardo di 20 minuti', author: null, automatic: true, idempotencyKey: 'delay:7:1' });
    const b = queueOutgoing(app.ctx.messaging, { conversationId, body: 'Ritardo di 20 minuti', author: null, automatic: true, idempotencyKey: 'delay:7:1' });
    expect(a.created).toBe(true);
    expect(b.created).toBe(false);
    expect(b.message.id).toBe(a.message.id);
    expect(outboxCounts(app.ctx.db)).toEqual({ pending: 1 });
    expect(outboxByKey(app.ctx.db, 'delay:7:1')).toMatchObject({ channel: 'sms', to_phone: '+393331234567', message_id: a.message.id });
  });

  it('retries a retryable failure with backoff and sends once it succeeds', async () => {
    const { app, conversationId } = await withConversation();
    cleanup = app.cleanup;
    const sender = new ScriptedSender([fail503, fail503]);
    const worker = new OutboxWorker({ db: app.ctx.db, clock: app.clock, random: seededRandom(3), senders: () => new Map([['sms', sender]]) });
    worker.start();
    const { message } = queueOutgoing(app.ctx.messaging, { conversationId, body: 'Ciao', author: 'desk' });
    await worker.drain('sms');
    expect(sender.attempts).toHaveLength(1);
    const row1 = outboxByKey(app.ctx.db, `message:${message.id}`)!;
    expect(row1).toMatchObject({ status: 'pending', attempts: 1, last_error: 'Provider answered 503' });
    expect(row1.next_attempt_at - T0).toBeGreaterThanOrEqual(4_000);

    await worker.drain('sms'); // not due yet: nothing happens
    expect(sender.attempts).toHaveLength(1);
    app.clock.advance(60_000);
    await worker.drain('sms');
    app.clock.advance(60_000);
    await worker.drain('sms');
    expect(sender.attempts).toHaveLength(3);
    expect(new Set(sender.attempts.map((a) => a.idempotencyKey)).size).toBe(1);
    expect(outboxByKey(app.ctx.db, `message:${message.id}`)).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
    expect(app.ctx.db.prepare('SELECT status, failure_reason FROM messages WHERE id = ?').get(message.id)).toEqual({ status: 'sent', failure_reason: null });
    worker.stop();
  });

  it('parks a permanent failure at once with its reason on the message', async () => {
    const { app, conversationId } = await withConversation();
    cleanup = app.cleanup;
    const sender = new ScriptedSender([{ ok: false, code: 'invalid_number', reason: 'The number does not exist', retryable: false }]);
    const worker = new OutboxWorker({ db: app.ctx.db, clock: app.clock, random: seededRandom(3), senders: () => new Map([['sms', sender]]) });
    worker.start();
    const { message } = queueOutgoing(app.ctx.messaging, { conversationId, body: 'Ciao', author: 'desk' });
    await worker.drain('sms');
    expect(app.ctx.db.prepare('SELECT status, failure_reason FROM messages WHERE id = ?').get(message.id)).toEqual({ status: 'failed', failure_reason: 'The number does not exist' });
    expect(outboxByKey(app.ctx.db, `message:${message.id}`)!.status).toBe('parked');
    worker.stop();
  });

  it('parks after the maximum number of retryable failures, and a manual retry starts over', async () => {
    const { app, conversationId } = await withConversation();
    cleanup = app.cleanup;
    const sender = new ScriptedSender(Array.from({ length: MAX_ATTEMPTS }, () => fail503));
    const worker = new OutboxWorker({ db: app.ctx.db, clock: app.clock, random: seededRandom(3), senders: () => new Map([['sms', sender]]) });
    worker.start();
    const { message } = queueOutgoing(app.ctx.messaging, { conversationId, body: 'Ciao', author: 'desk' });
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await worker.drain('sms');
      app.clock.advance(3_600_000);
    }
    expect(sender.attempts).toHaveLength(MAX_ATTEMPTS);
    expect(outboxByKey(app.ctx.db, `message:${message.id}`)!.status).toBe('parked');
    await app.call('message.retry', { messageId: message.id });
    await worker.drain('sms');
    expect(outboxByKey(app.ctx.db, `message:${message.id}`)!.status).toBe('sent');
    await expect(app.call('message.retry', { messageId: message.id })).rejects.toThrow(/has not failed/);
    worker.stop();
  });

  it('resumes rows interrupted mid-send after a restart, with the same idempotency key', async () => {
    const { app, conversationId } = await withConversation();
    cleanup = app.cleanup;
    const { message } = queueOutgoing(app.ctx.messaging, { conversationId, body: 'Ciao', author: 'desk' });
    app.ctx.db.prepare("UPDATE outbox SET status = 'sending', attempts = 1").run(); // the process died during send()
    const sender = new ScriptedSender([]);
    const worker = new OutboxWorker({ db: app.ctx.db, clock: app.clock, random: seededRandom(3), senders: () => new Map([['sms', sender]]) });
    worker.start();
    await worker.drain('sms');
    expect(sender.attempts.map((a) => a.idempotencyKey)).toEqual([`message:${message.id}`]);
    expect(outboxCounts(app.ctx.db)).toEqual({ sent: 1 });
    worker.stop();
  });

  it('treats an adapter that throws as a retryable fault instead of crashing', async () => {
    const { app, conversationId } = await withConversation();
    cleanup = app.cleanup;
    const throwing: ChannelSender = { channel: 'sms', send: () => Promise.reject(new Error('socket hang up')) };
    const worker = new OutboxWorker({ db: app.ctx.db, clock: app.clock, random: seededRandom(3), senders: () => new Map([['sms', throwing]]) });
    worker.start();
    const { message } = queueOutgoing(app.ctx.messaging, { conversationId, body: 'Ciao', author: 'desk' });
    await worker.drain('sms');
    expect(outboxByKey(app.ctx.db, `message:${message.id}`)).toMatchObject({ status: 'pending', last_error: 'Unexpected error: socket hang up' });
    worker.stop();
  });
});

describe('retryDelay', () => {
  it('grows exponentially from 5 s with ±20 % jitter and caps at 30 min', () => {
    const r = seededRandom(9);
    for (const [n, base] of [[1, 5_000], [2, 10_000], [3, 20_000], [6, 160_000], [20, 1_800_000]] as const) {
      const d = retryDelay(n, r);
      expect(d).toBeGreaterThanOrEqual(base * 0.8);
      expect(d).toBeLessThanOrEqual(base * 1.2);
    }
  });
});
