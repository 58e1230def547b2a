import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextDue, outboxForMessage } from '../../../../src-main/db/repositories/outbox';
import { receiveInbound } from '../../../../src-main/domain/messaging/messagingService';
import { T0, tempApp } from '../../../helpers/tempApp';

type TestApp = Awaited<ReturnType<typeof tempApp>>;
let app: TestApp;
let conversationId: number;
beforeEach(async () => {
  app = await tempApp();
  conversationId = receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'in-1', fromPhone: '+393331234567', body: 'Buongiorno', at: T0 }).conversationId;
});
afterEach(async () => app.cleanup());

const HOUR = 3_600_000;
type Sent = { message: { id: number; status: string; body: string; meta: Record<string, unknown> | null; failureReason: string | null } };

describe('send later', () => {
  it('holds the message until its time, shows it scheduled, and can be edited or cancelled until it goes', async () => {
    const { message } = (await app.call('message.schedule', { conversationId, channel: 'sms', body: 'A domani', sendAt: T0 + 2 * HOUR })) as Sent;
    expect(message).toMatchObject({ status: 'queued', meta: { scheduledFor: T0 + 2 * HOUR } });
    expect(nextDue(app.ctx.db, 'sms', T0 + HOUR)).toBeUndefined();
    expect(nextDue(app.ctx.db, 'sms', T0 + 2 * HOUR)?.message_id).toBe(message.id);

    const edited = (await app.call('message.editScheduled', { messageId: message.id, body: 'A dopodomani', sendAt: T0 + 3 * HOUR })) as Sent;
    expect(edited.message).toMatchObject({ body: 'A dopodomani', meta: { scheduledFor: T0 + 3 * HOUR } });
    expect(outboxForMessage(app.ctx.db, message.id)).toMatchObject({ body: 'A dopodomani', next_attempt_at: T0 + 3 * HOUR, status: 'pending' });

    const cancelled = (await app.call('message.cancelScheduled', { messageId: message.id })) as Sent;
    expect(cancelled.message).toMatchObject({ status: 'failed', failureReason: 'Messaggio programmato annullato prima dell’invio' });
    expect(outboxForMessage(app.ctx.db, message.id)?.status).toBe('cancelled');
    await expect(app.call('message.editScheduled', { messageId: message.id, body: 'x' })).rejects.toThrow(/not a scheduled message waiting/);
  });

  it('refuses a time in the past', async () => {
    await expect(app.call('message.schedule', { conversationId, body: 'x', sendAt: T0 - 1 })).rejects.toThrow(/sendAt: must be in the future/);
  });
});
