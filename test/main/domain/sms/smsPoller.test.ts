import { afterEach, describe, expect, it } from 'vitest';
import { smsGateway } from '../../../../src-main/channels/sms/smsGateway';
import { getMessage, setMessageStatus } from '../../../../src-main/db/repositories/messages';
import { queueOutgoing, receiveInbound } from '../../../../src-main/domain/messaging/messagingService';
import { pollDeliveryReports, pollInboundSms } from '../../../../src-main/domain/sms/smsPoller';
import { tempApp, T0 } from '../../../helpers/tempApp';
import { startVendorServer } from '../../channels/sms/vendorServer';

const SID = 'AC0123456789abcdef0123456789abcdef';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('pollDeliveryReports', () => {
  it('asks Twilio about SMS without a report and applies each change once', async () => {
    const states: Record<string, string> = { SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa: 'delivered', SMbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb: 'sending' };
    const server = await startVendorServer((req) => {
      const sid = /Messages\/(SM\w+)\.json/.exec(req.url)?.[1] ?? '';
      return states[sid] ? { status: 200, body: { sid, status: states[sid], error_code: null } } : { status: 404, body: { code: 20404, message: 'not found', status: 404 } };
    });
    const app = await tempApp();
    cleanups.push(server.close, app.cleanup);
    const { conversationId } = receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'in-1', fromPhone: '+393331234567', body: 'Buongiorno', at: T0 });
    const ids = Object.keys(states).map((sid) => {
      const { message } = queueOutgoing(app.ctx.messaging, { conversationId, channel: 'sms', body: `m ${sid}`, author: 'desk' });
      setMessageStatus(app.ctx.db, message.id, 'sent', T0, { providerId: sid });
      return message.id;
    });
    const provider = smsGateway.createProvider(
      { provider: 'twilio', accountSid: SID, authToken: 't', from: '+15017122661', messagingServiceSid: '', baseUrl: server.url, publicUrl: '' },
      { now: () => app.clock.now() },
    );
    expect(await pollDeliveryReports(app.ctx.messaging, provider)).toEqual({ asked: 2, updated: 1 });
    expect(getMessage(app.ctx.db, ids[0]!)!.status).toBe('delivered');
    expect(getMessage(app.ctx.db, ids[1]!)!.status).toBe('sent');
    // The delivered one is no longer asked about.
    expect(await pollDeliveryReports(app.ctx.messaging, provider)).toEqual({ asked: 1, updated: 0 });
  });

  it('lists SMS received on the clinic number and stores each once', async () => {
    const inbound = (sid: string, body: string, at: number) => ({ sid, status: 'received', direction: 'inbound', from: '+393331234567', to: '+390212345678', body, date_sent: new Date(at).toUTCString(), date_created: new Date(at).toUTCString() });
    const server = await startVendorServer(() => ({
      status: 200,
      body: {
        messages: [
          inbound('SMcccccccccccccccccccccccccccccccc', 'Posso venire alle 11?', T0 - 60_000),
          { ...inbound('SMdddddddddddddddddddddddddddddddd', 'our own reply', T0), direction: 'outbound-api' },
          inbound('SMeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', 'too old', T0 - 72 * 3600_000),
        ],
      },
    }));
    const app = await tempApp();
    cleanups.push(server.close, app.cleanup);
    const provider = smsGateway.createProvider(
      { provider: 'twilio', accountSid: SID, authToken: 't', from: '+390212345678', messagingServiceSid: '', baseUrl: server.url, publicUrl: '' },
      { now: () => app.clock.now() },
    );
    expect(await pollInboundSms(app.ctx.messaging, provider)).toEqual({ listed: 1, stored: 1 });
    expect(await pollInboundSms(app.ctx.messaging, provider)).toEqual({ listed: 1, stored: 0 });
    const q = new URL(server.requests[0]!.url, 'http://x').searchParams;
    expect(q.get('To')).toBe('+390212345678');
    expect(q.get('DateSent>')).toBe('2026-11-21');
  });
});
