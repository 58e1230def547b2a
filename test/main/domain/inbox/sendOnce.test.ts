import { afterEach, describe, expect, it } from 'vitest';
import { receiveInbound } from '../../../../src-main/domain/messaging/messagingService';
import { tempApp, T0 } from '../../../helpers/tempApp';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

describe('message.send with a client key', () => {
  it('returns the first message when the same key is sent again (a resend after a lost socket or reload)', async () => {
    const app = await tempApp();
    cleanup = app.cleanup;
    const { conversationId } = receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'k-1', fromPhone: '+393331234567', body: 'Ciao', at: T0 }) as { conversationId: number };
    const first = (await app.call('message.send', { conversationId, body: 'A domani', clientKey: 'abcdef0123456789' })) as { message: { id: number } };
    const again = (await app.call('message.send', { conversationId, body: 'A domani', clientKey: 'abcdef0123456789' })) as { message: { id: number } };
    expect(again.message.id).toBe(first.message.id);
    const other = (await app.call('message.send', { conversationId, body: 'A domani', clientKey: 'fedcba9876543210' })) as { message: { id: number } };
    expect(other.message.id).not.toBe(first.message.id);
    expect(app.ctx.db.prepare("SELECT count(*) AS n FROM outbox").get()).toEqual({ n: 2 });
    await expect(app.call('message.send', { conversationId, body: 'x', clientKey: 'bad key!' })).rejects.toMatchObject({ code: 'invalid_input', field: 'clientKey' });
  });

  it('conversation.assign to an unknown conversation is not found and writes nothing', async () => {
    const app = await tempApp();
    cleanup = app.cleanup;
    await expect(app.call('conversation.assign', { conversationId: 999, to: 'Intruso' })).rejects.toMatchObject({ code: 'not_found' });
    expect(app.ctx.db.prepare("SELECT count(*) AS n FROM desk_users WHERE name = 'Intruso'").get()).toEqual({ n: 0 });
  });
});
