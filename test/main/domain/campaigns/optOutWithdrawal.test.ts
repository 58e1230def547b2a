import { afterEach, describe, expect, it } from 'vitest';
import type { CampaignReport } from '../../../../src-main/contract/campaigns';
import { ensureConversation } from '../../../../src-main/db/repositories/conversations';
import { setConsent } from '../../../../src-main/db/repositories/patients';
import { runCampaignTick } from '../../../../src-main/domain/campaigns/campaignsArea';
import type { ChannelSender, OutgoingMessage, SendResult } from '../../../../src-main/domain/messaging/channelPort';
import { queueOutgoing, receiveInbound } from '../../../../src-main/domain/messaging/messagingService';
import { OutboxWorker } from '../../../../src-main/domain/outbox/outboxWorker';
import { seededRandom } from '../../../../src-main/domain/shared/random';
import { updateSmsSettings } from '../../../../src-main/domain/sms/smsSettings';
import { campaignTemplate, phoneOf, seedCampaignClinic } from '../../../helpers/campaignClinic';
import { T0, tempApp } from '../../../helpers/tempApp';

/** Issue 19: an opt-out or a withdrawn consent reaches back into the outbox, where campaigns queue ahead of time. */

class RecordingSms implements ChannelSender {
  readonly channel = 'sms' as const;
  attempts: OutgoingMessage[] = [];
  send(m: OutgoingMessage): Promise<SendResult> {
    this.attempts.push(m);
    return Promise.resolve({ ok: true, providerId: `sim-${m.idempotencyKey}` });
  }
}

type TestApp = Awaited<ReturnType<typeof tempApp>>;
let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

/** 30 consenting patients; a campaign at 600/min run for a minute with no provider, so 20 messages wait in the outbox. */
async function campaignWithBacklog() {
  const app = await tempApp();
  cleanup = app.cleanup;
  updateSmsSettings(app.ctx.db, { activeProvider: 'smsapi' });
  const ids = seedCampaignClinic(app.ctx.db, 30, T0);
  const templateId = campaignTemplate(app.ctx.db, T0);
  const c = (await app.call('campaigns.create', { name: 'Nuovo indirizzo', segment: { marketingConsent: true }, templateId, channels: ['sms'], perMinute: 600 })) as CampaignReport;
  await app.call('campaigns.start', { id: c.id });
  for (;;) {
    const { t } = app.ctx.db.prepare('SELECT next_dispatch_at AS t FROM campaigns WHERE id = ?').get(c.id) as { t: number };
    if (t > T0 + 60_000) break;
    if (t > app.clock.now()) app.clock.set(t);
    runCampaignTick(app.ctx);
  }
  expect(pendingCampaignRows(app)).toBe(20);
  return { app, ids, id: c.id };
}

const pendingCampaignRows = (app: TestApp) =>
  (app.ctx.db.prepare(`SELECT count(*) AS n FROM outbox WHERE idempotency_key LIKE 'campaign:%' AND status = 'pending'`).get() as { n: number }).n;
const outboxRow = (app: TestApp, key: string) => app.ctx.db.prepare('SELECT status, last_error_code FROM outbox WHERE idempotency_key = ?').get(key) as { status: string; last_error_code: string | null };

/** Runs the campaign to the end with a provider that takes every message at once. */
async function finish(app: TestApp, id: number): Promise<RecordingSms> {
  const sms = new RecordingSms();
  const worker = new OutboxWorker({ db: app.ctx.db, clock: app.clock, random: seededRandom(2), senders: () => new Map([['sms', sms]]) });
  worker.start();
  try {
    for (;;) {
      while (app.ctx.db.prepare(`SELECT 1 FROM outbox WHERE status IN ('pending','sending') AND next_attempt_at <= ? LIMIT 1`).get(app.clock.now())) {
        await worker.drain('sms');
        await new Promise((r) => setImmediate(r));
      }
      const { t, status } = app.ctx.db.prepare('SELECT next_dispatch_at AS t, status FROM campaigns WHERE id = ?').get(id) as { t: number | null; status: string };
      if (status !== 'running' || t === null) return sms;
      if (t > app.clock.now()) app.clock.set(t);
      runCampaignTick(app.ctx);
    }
  } finally {
    worker.stop();
  }
}

const addsUp = (r: CampaignReport) => expect(r.pending + r.refused + r.cancelled + r.queued + r.sent + r.failed).toBe(r.recipients);

describe('queued campaign messages and a later opt-out', () => {
  it('an SMS STOP cancels the patient’s queued campaign message at once; nothing is sent to them and the report adds up', async () => {
    const { app, ids, id } = await campaignWithBacklog();
    const key = `campaign:${id}:${ids[5]}`;
    expect(outboxRow(app, key).status).toBe('pending');

    receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'stop-1', fromPhone: phoneOf(5), body: 'STOP', at: app.clock.now() });
    expect(outboxRow(app, key)).toEqual({ status: 'cancelled', last_error_code: 'opted_out' });
    expect(pendingCampaignRows(app)).toBe(19);

    const sms = await finish(app, id);
    const toPatient = sms.attempts.filter((a) => a.toPhone === phoneOf(5));
    // Only the opt-out confirmation reaches them, never the campaign.
    expect(toPatient.map((a) => a.idempotencyKey)).toEqual([expect.stringMatching(/^sms-optout:/)]);
    expect(sms.attempts.filter((a) => a.idempotencyKey.startsWith('campaign:'))).toHaveLength(29);
    const r = (await app.call('campaigns.report', { id })) as CampaignReport;
    expect(r).toMatchObject({ status: 'done', recipients: 30, refused: 1, sent: 29, failed: 0, cancelled: 0, pending: 0 });
    expect(r.refusals).toEqual([{ reason: 'opted_out', count: 1 }]);
    expect(r.failures).toEqual([]);
    addsUp(r);
  });

  it('marketing consent withdrawn on the patient card cancels the queued message; the patient asking counts as an opt-out', async () => {
    const { app, ids, id } = await campaignWithBacklog();
    await app.call('patient.setConsent', { patientId: ids[3]!, kind: 'marketing', granted: false, source: 'desk' });
    await app.call('patient.setConsent', { patientId: ids[4]!, kind: 'marketing', granted: false, source: 'patient message' });
    // Granting a consent takes nothing back.
    await app.call('patient.setConsent', { patientId: ids[6]!, kind: 'marketing', granted: true, source: 'form' });
    expect(outboxRow(app, `campaign:${id}:${ids[3]}`)).toEqual({ status: 'cancelled', last_error_code: 'marketing_withdrawn' });
    expect(outboxRow(app, `campaign:${id}:${ids[4]}`)).toEqual({ status: 'cancelled', last_error_code: 'opted_out' });
    expect(pendingCampaignRows(app)).toBe(18);

    const sms = await finish(app, id);
    expect(sms.attempts.map((a) => a.toPhone)).not.toEqual(expect.arrayContaining([phoneOf(3)]));
    expect(sms.attempts.map((a) => a.toPhone)).not.toEqual(expect.arrayContaining([phoneOf(4)]));
    const r = (await app.call('campaigns.report', { id })) as CampaignReport;
    expect(r).toMatchObject({ status: 'done', recipients: 30, refused: 2, sent: 28 });
    expect(r.refusals).toEqual(expect.arrayContaining([{ reason: 'opted_out', count: 1 }, { reason: 'marketing_withdrawn', count: 1 }]));
    addsUp(r);
  });

  it('withdrawing marketing consent leaves a service message (a reminder) queued, and it is sent', async () => {
    const { app, ids, id } = await campaignWithBacklog();
    const conv = ensureConversation(app.ctx.db, ids[2]!, app.clock.now());
    queueOutgoing(app.ctx.messaging, { conversationId: conv.id, channel: 'sms', body: 'Promemoria: visita domani alle 10.', author: null, automatic: true, idempotencyKey: `reminder:test:${ids[2]}`, kind: 'reminder' });
    await app.call('patient.setConsent', { patientId: ids[2]!, kind: 'marketing', granted: false, source: 'desk' });
    expect(outboxRow(app, `reminder:test:${ids[2]}`).status).toBe('pending');
    expect(outboxRow(app, `campaign:${id}:${ids[2]}`).status).toBe('cancelled');

    const sms = await finish(app, id);
    expect(sms.attempts.filter((a) => a.toPhone === phoneOf(2)).map((a) => a.idempotencyKey)).toEqual([`reminder:test:${ids[2]}`]);
    expect(outboxRow(app, `reminder:test:${ids[2]}`).status).toBe('sent');
  });

  it('the outbox worker re-checks marketing consent before sending, even when a consent changed without the sweep', async () => {
    const { app, ids, id } = await campaignWithBacklog();
    // Written straight to the table (as another process or an import would): no sweep ran.
    setConsent(app.ctx.db, ids[7]!, 'sms', false, app.clock.now(), 'opt-out keyword');
    setConsent(app.ctx.db, ids[8]!, 'marketing', false, app.clock.now(), 'desk');
    expect(pendingCampaignRows(app)).toBe(20);

    const sms = await finish(app, id);
    expect(sms.attempts.map((a) => a.toPhone)).not.toEqual(expect.arrayContaining([phoneOf(7), phoneOf(8)]));
    expect(outboxRow(app, `campaign:${id}:${ids[7]}`)).toEqual({ status: 'cancelled', last_error_code: 'opted_out' });
    expect(outboxRow(app, `campaign:${id}:${ids[8]}`)).toEqual({ status: 'cancelled', last_error_code: 'marketing_withdrawn' });
    const r = (await app.call('campaigns.report', { id })) as CampaignReport;
    expect(r).toMatchObject({ status: 'done', recipients: 30, refused: 2, sent: 28, failed: 0 });
    addsUp(r);
  });
});
