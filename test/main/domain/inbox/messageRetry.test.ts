import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../../src-main/app/createApp';
import { insertMessage, setMessageStatus } from '../../../../src-main/db/repositories/messages';
import { receiveInbound } from '../../../../src-main/domain/messaging/messagingService';
import { ManualClock } from '../../../../src-main/domain/shared/clock';

const T = Date.parse('2026-11-20T09:00:00Z');

describe('message.retry', () => {
  let app: App;
  let dir: string;
  let conv: number;
  const call = <R>(method: string, req: unknown) => app.call(method, req, { user: 'marta' }) as Promise<R>;
  // Only the rows of desk replies: automatic replies to the inbound message may queue their own.
  const outbox = (messageId: number) => app.ctx.db.prepare('SELECT idempotency_key, status, to_phone, body FROM outbox WHERE message_id = ? ORDER BY id').all(messageId);

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-retry-'));
    app = await createApp({ dataDir: dir, clock: new ManualClock(T), startOutbox: false });
    conv = receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'in-1', fromPhone: '+393331234567', body: 'Salve', at: T }).conversationId;
  });
  afterEach(async () => {
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('puts a parked reply back in the outbox from the start of its backoff', async () => {
    const { message } = await call<{ message: { id: number } }>('message.send', { conversationId: conv, body: 'Buongiorno' });
    app.ctx.db.prepare(`UPDATE outbox SET status = 'parked', attempts = 8, last_error = 'no credit' WHERE message_id = ?`).run(message.id);
    setMessageStatus(app.ctx.db, message.id, 'failed', T, { failureReason: 'no credit' });
    const out = await call<{ message: { status: string; failureReason: string | null } }>('message.retry', { messageId: message.id });
    expect(out.message).toMatchObject({ status: 'queued', failureReason: null });
    expect(app.ctx.db.prepare('SELECT status, attempts FROM outbox WHERE message_id = ?').all(message.id)).toEqual([{ status: 'pending', attempts: 0 }]);
  });

  it('sends a failure that has no outbox row left through a fresh one, once', async () => {
    const { row } = insertMessage(app.ctx.db, { conversationId: conv, channel: 'sms', direction: 'out', body: 'Porti la tessera sanitaria', status: 'queued', author: 'marta', at: T });
    setMessageStatus(app.ctx.db, row.id, 'failed', T, { failureReason: 'unreachable' });
    await call('message.retry', { messageId: row.id });
    expect(outbox(row.id)).toEqual([{ idempotency_key: `retry:${row.id}`, status: 'pending', to_phone: '+393331234567', body: 'Porti la tessera sanitaria' }]);
    await expect(call('message.retry', { messageId: row.id })).rejects.toThrow(/has not failed/);
    expect(outbox(row.id)).toHaveLength(1);
  });

  it('refuses what has not failed, and notes and received messages', async () => {
    const inbound = app.ctx.db.prepare(`SELECT id FROM messages WHERE direction = 'in'`).get() as { id: number };
    await expect(call('message.retry', { messageId: inbound.id })).rejects.toThrow(/has not failed/);
    await expect(call('message.retry', { messageId: 999 })).rejects.toThrow(/999/);
    expect(outbox(inbound.id)).toEqual([]);
  });
});
