import { describe, expect, it } from 'vitest';
import { CallTracker } from '../../../../../src-main/channels/whatsapp/mapping/callTracker';
import { calls } from '../fakeSocket';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const run = (tracker: CallTracker, name: string) => calls(name).flatMap((e) => tracker.handle(e, NOW));

describe('CallTracker', () => {
  it('reports an offer that timed out as one missed call', () => {
    const t = new CallTracker(() => null);
    expect(run(t, 'callMissed')).toEqual([
      { providerCallId: 'A1B2C3D4E5F60718293A4B5C6D7E8F90', fromPhone: '+393471234567', fromWhatsappJid: '393471234567@s.whatsapp.net', at: Date.parse('2026-11-23T09:40:12Z'), video: false },
    ]);
    expect(run(t, 'callMissed')).toEqual([]);
  });

  it('does not report a call answered on the phone', () => {
    expect(run(new CallTracker(() => null), 'callAnswered')).toEqual([]);
  });

  it('does not report a call answered on the phone whose offer the desk never saw (accept, then terminate)', () => {
    const t = new CallTracker(() => null);
    const [, accept, terminate] = calls('callAnswered');
    expect(accept!.status).toBe('accept');
    expect(terminate!.status).toBe('terminate');
    expect([...t.handle(accept!, NOW), ...t.handle(terminate!, NOW)]).toEqual([]);
  });

  it('reports a rejected call from a LID caller under the phone number WhatsApp sent along', () => {
    expect(run(new CallTracker(() => null), 'callLidRejected')).toMatchObject([{ fromPhone: '+48601234567', fromWhatsappJid: '48601234567@s.whatsapp.net' }]);
  });

  it('reports an offer that never got an outcome once the sweep deadline passes', () => {
    const t = new CallTracker(() => null, 5 * 60_000);
    expect(run(t, 'callOfflineOffer')).toEqual([]);
    expect(t.sweep(NOW + 60_000)).toEqual([]);
    expect(t.sweep(NOW + 5 * 60_000)).toMatchObject([{ providerCallId: 'D00DD00DD00DD00DD00DD00DD00DD00D', fromPhone: '+447700900123' }]);
    expect(t.sweep(NOW + 10 * 60_000)).toEqual([]);
  });

  it('ignores group calls', () => {
    const [offer] = calls('callMissed');
    expect(new CallTracker(() => null).handle({ ...offer!, status: 'timeout', isGroup: true }, NOW)).toEqual([]);
  });
});
