import { afterEach, describe, expect, it } from 'vitest';
import type { CampaignReport } from '../../../../src-main/contract/campaigns';
import { createApp } from '../../../../src-main/app/createApp';
import { setConsent } from '../../../../src-main/db/repositories/patients';
import { runCampaignTick } from '../../../../src-main/domain/campaigns/campaignsArea';
import type { ChannelSender, OutgoingMessage, SendResult } from '../../../../src-main/domain/messaging/channelPort';
import { applyStatus, receiveInbound } from '../../../../src-main/domain/messaging/messagingService';
import { OutboxWorker } from '../../../../src-main/domain/outbox/outboxWorker';
import { ManualClock } from '../../../../src-main/domain/shared/clock';
import { seededRandom } from '../../../../src-main/domain/shared/random';
import { updateSmsSettings } from '../../../../src-main/domain/sms/smsSettings';
import { campaignTemplate, phoneOf, seedCampaignClinic } from '../../../helpers/campaignClinic';
import { T0, tempApp, tempDir } from '../../../helpers/tempApp';

/** An SMS provider that records every attempt; numbers listed in `rejects` fail for good. */
class RecordingSms implements ChannelSender {
  readonly channel = 'sms' as const;
  attempts: OutgoingMessage[] = [];
  constructor(private readonly rejects = new Set<string>()) {}
  send(m: OutgoingMessage): Promise<SendResult> {
    this.attempts.push(m);
    if (m.toPhone && this.rejects.has(m.toPhone)) return Promise.resolve({ ok: false, code: 'invalid_number', reason: 'Number does not exist', retryable: false });
    return Promise.resolve({ ok: true, providerId: `sim-${m.idempotencyKey}` });
  }
}

type TestApp = Awaited<ReturnType<typeof tempApp>>;
let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function clinic(n: number, refuse: Parameters<typeof seedCampaignClinic>[3] = {}) {
  const app = await tempApp();
  cleanup = app.cleanup;
  updateSmsSettings(app.ctx.db, { activeProvider: 'smsapi' });
  const ids = seedCampaignClinic(app.ctx.db, n, T0, refuse);
  const templateId = campaignTemplate(app.ctx.db, T0);
  return { app, ids, templateId };
}

async function startCampaign(app: TestApp, templateId: number, perMinute: number): Promise<number> {
  const c = (await app.call('campaigns.create', { name: 'Nuovo indirizzo', segment: { marketingConsent: true }, templateId, channels: ['sms'], perMinute })) as CampaignReport;
  await app.call('campaigns.start', { id: c.id });
  return c.id;
}

const report = async (app: TestApp, id: number) => (await app.call('campaigns.report', { id })) as CampaignReport;
const nextDue = (app: TestApp, id: number) => (app.ctx.db.prepare('SELECT next_dispatch_at AS t, status FROM campaigns WHERE id = ?').get(id) as { t: number | null; status: string });

/** Runs the dispatcher at each due time until the campaign is done, stalls or `until` is reached; the provider (when given) takes each message at once. */
async function runUntil(app: TestApp, id: number, until = Number.MAX_SAFE_INTEGER, sms: RecordingSms | null = new RecordingSms()): Promise<RecordingSms | null> {
  const worker = sms ? new OutboxWorker({ db: app.ctx.db, clock: app.clock, random: seededRandom(2), senders: () => new Map([['sms', sms]]) }) : null;
  worker?.start();
  try {
    for (;;) {
      const { t, status } = nextDue(app, id);
      if (status !== 'running' || t === null || t > until) return sms;
      if (t > app.clock.now()) app.clock.set(t);
      runCampaignTick(app.ctx);
      if (worker) {
        while (app.ctx.db.prepare(`SELECT 1 FROM outbox WHERE status IN ('pending','sending') AND next_attempt_at <= ? LIMIT 1`).get(app.clock.now())) {
          await worker.drain('sms');
          await new Promise((r) => setImmediate(r));
        }
      }
    }
  } finally {
    worker?.stop();
  }
}

const campaignMessages = (app: TestApp) =>
  app.ctx.db.prepare(`SELECT m.id, m.created_at, o.idempotency_key AS key, o.to_phone FROM messages m JOIN outbox o ON o.message_id = m.id WHERE o.idempotency_key LIKE 'campaign:%' ORDER BY m.id`).all() as {
    id: number;
    created_at: number;
    key: string;
    to_phone: string;
  }[];

describe('campaigns', () => {
  it('sends a 2,000-patient segment at the configured pace, each once, with a report that adds up', async () => {
    const refuse = { 3: 'no_marketing', 10: 'withdrawn', 11: 'stop', 12: 'no_channel' } as const;
    const { app, templateId } = await clinic(2000, refuse);
    const id = await startCampaign(app, templateId, 600); // 600 a minute: a 100 ms gap, ±10 %
    const sms = new RecordingSms(new Set([phoneOf(20), phoneOf(21)]));
    await runUntil(app, id, Number.MAX_SAFE_INTEGER, sms);
    const msgs = campaignMessages(app);
    // The segment asked for marketing consent: 3 (none) and 10 (withdrawn) are not in it; 11 (STOP) and 12 (no SMS consent) are refused.
    expect(msgs).toHaveLength(1996);
    expect(new Set(msgs.map((m) => m.key)).size).toBe(1996);
    const gaps = msgs.slice(1).map((m, i) => m.created_at - msgs[i]!.created_at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(90);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(110);
    const duration = msgs.at(-1)!.created_at - msgs[0]!.created_at;
    expect(duration).toBeGreaterThan(1995 * 95);
    expect(duration).toBeLessThan(1995 * 105);

    // The provider took each once (two numbers do not exist); statuses come back; two patients reply, one opts out.
    expect(sms.attempts).toHaveLength(1996);
    expect(new Set(sms.attempts.map((a) => a.toPhone)).size).toBe(1996);
    const m = app.ctx.messaging;
    for (let i = 30; i < 130; i++) applyStatus(m, { channel: 'sms', providerId: `sim-${msgs[i]!.key}`, status: 'delivered', at: app.clock.now() });
    for (let i = 30; i < 50; i++) applyStatus(m, { channel: 'sms', providerId: `sim-${msgs[i]!.key}`, status: 'read', at: app.clock.now() });
    app.clock.advance(60_000);
    receiveInbound(m, { channel: 'sms', providerId: 'reply-1', fromPhone: phoneOf(40), body: 'Grazie!', at: app.clock.now() });
    receiveInbound(m, { channel: 'sms', providerId: 'reply-2', fromPhone: phoneOf(41), body: 'Ok', at: app.clock.now() });
    setConsent(app.ctx.db, (app.ctx.db.prepare(`SELECT patient_id FROM patient_identities WHERE value = ?`).get(phoneOf(42)) as { patient_id: number }).patient_id, 'sms', false, app.clock.now(), 'opt-out keyword');

    const r = await report(app, id);
    expect(r).toMatchObject({ status: 'done', recipients: 1998, refused: 2, pending: 0, cancelled: 0, queued: 0, sent: 1994, delivered: 100, read: 20, failed: 2, replied: 2, optedOut: 1 });
    expect(r.refusals).toEqual(expect.arrayContaining([{ reason: 'opted_out', count: 1 }, { reason: 'no_channel_consent', count: 1 }]));
    expect(r.failures).toEqual([{ reason: 'Number does not exist', count: 2 }]);
    expect(r.pending + r.refused + r.cancelled + r.queued + r.sent + r.failed).toBe(r.recipients);
  }, 120_000); // 2,000 decisions and sends: ~15 s on a busy machine

  it('pauses, resumes and cancels; an opt-out during the campaign is honoured at the patient’s turn', async () => {
    const { app, ids, templateId } = await clinic(30);
    const id = await startCampaign(app, templateId, 60); // one a second
    await runUntil(app, id, T0 + 9_500);
    expect(campaignMessages(app)).toHaveLength(10);
    await app.call('campaigns.pause', { id });
    app.clock.advance(3_600_000);
    runCampaignTick(app.ctx);
    expect(campaignMessages(app)).toHaveLength(10);
    expect(await report(app, id)).toMatchObject({ status: 'paused', pending: 20, sent: 10 });

    setConsent(app.ctx.db, ids[15]!, 'sms', false, app.clock.now(), 'opt-out keyword');
    await app.call('campaigns.resume', { id });
    await runUntil(app, id, app.clock.now() + 9_500);
    // Ten more a second apart; patient 16 (index 15) was skipped at their turn without costing a slot.
    expect(campaignMessages(app)).toHaveLength(20);
    expect(campaignMessages(app).map((m) => m.key)).not.toContain(`campaign:${id}:${ids[15]}`);
    const r1 = await report(app, id);
    expect(r1.refusals).toEqual([{ reason: 'opted_out', count: 1 }]);

    await app.call('campaigns.cancel', { id });
    const r2 = await report(app, id);
    expect(r2).toMatchObject({ status: 'cancelled', pending: 0, cancelled: 9, refused: 1, sent: 20 });
    expect(r2.recipients).toBe(r2.pending + r2.refused + r2.cancelled + r2.queued + r2.sent + r2.failed);
    await expect(app.call('campaigns.resume', { id })).rejects.toThrow(/is cancelled/);
  });

  it('resumes after the process stops mid-campaign without skipping or repeating anyone', async () => {
    const dataDir = tempDir();
    const clock = new ManualClock(T0);
    let app = await tempApp({ dataDir, clock });
    updateSmsSettings(app.ctx.db, { activeProvider: 'smsapi' });
    seedCampaignClinic(app.ctx.db, 50, T0);
    const id = await startCampaign(app, campaignTemplate(app.ctx.db, T0), 120);
    await runUntil(app, id, T0 + 10_000);
    const before = campaignMessages(app).length;
    expect(before).toBeGreaterThan(10);
    await app.stop();
    app = Object.assign(await createApp({ dataDir, clock, startOutbox: false, random: seededRandom(9) }), { clock, cleanup: app.cleanup });
    cleanup = app.cleanup;
    await runUntil(app, id);
    const all = campaignMessages(app);
    expect(all).toHaveLength(50);
    expect(new Set(all.map((m) => m.to_phone)).size).toBe(50);
    expect(await report(app, id)).toMatchObject({ status: 'done', recipients: 50, sent: 50 });
  });

  it('waits when the channel stalls instead of filling the outbox; cancelling then stops what waits', async () => {
    const { app, templateId } = await clinic(30);
    const id = await startCampaign(app, templateId, 600);
    await runUntil(app, id, T0 + 60_000, null); // no provider: nothing leaves
    expect(campaignMessages(app)).toHaveLength(20);
    expect(nextDue(app, id).t).toBeGreaterThan(T0 + 60_000 - 500);
    await app.call('campaigns.cancel', { id });
    expect(app.ctx.db.prepare(`SELECT count(*) AS n FROM outbox WHERE status = 'pending'`).get()).toEqual({ n: 0 });
    const r = await report(app, id);
    expect(r).toMatchObject({ status: 'cancelled', cancelled: 10, failed: 20 });
    expect(r.failures).toEqual([{ reason: 'campaign cancelled', count: 20 }]);
    expect(r.recipients).toBe(r.pending + r.refused + r.cancelled + r.queued + r.sent + r.failed);
  });

  it('previews per language and channel with SMS segments and the cost', async () => {
    const { app, templateId } = await clinic(10, { 0: 'no_marketing', 1: 'stop' });
    await app.call('campaigns.setPricing', { pricePerSegment: 0.05, currency: 'EUR' });
    // New clinics transliterate automatic SMS; this clinic keeps its accents, so the Polish text stays UCS-2.
    await app.call('sms.updateSettings', { transliterate: false });
    const p = (await app.call('campaigns.preview', { segment: {}, templateId, channels: ['sms'], perMinute: 60 })) as {
      lines: { language: string; channel: string; recipients: number; text: string; smsSegments: number; smsEncoding: string }[];
      refusals: { reason: string; count: number }[];
      total: number;
      smsSegments: number;
      estimatedCost: number;
    };
    expect(p.total).toBe(10);
    expect(p.refusals).toEqual(expect.arrayContaining([{ reason: 'no_marketing_consent', count: 1 }, { reason: 'opted_out', count: 1 }]));
    const it_ = p.lines.find((l) => l.language === 'it')!;
    const pl = p.lines.find((l) => l.language === 'pl')!;
    // "ì" is in the GSM 03.38 alphabet, "ń" and "ę" are not: the Polish text costs two UCS-2 segments.
    expect(it_, JSON.stringify(p.lines)).toMatchObject({ channel: 'sms', recipients: 4, smsEncoding: 'GSM-7', smsSegments: 1 });
    expect(it_.text).toBe('Gentile Nome2, da lunedì ci trovate in via Roma 1. Clinic Desk');
    expect(pl).toMatchObject({ channel: 'sms', recipients: 4, smsEncoding: 'UCS-2', smsSegments: 2 });
    expect(p.smsSegments).toBe(it_.smsSegments * 4 + pl.smsSegments * 4);
    expect(p.estimatedCost).toBeCloseTo(p.smsSegments * 0.05, 5);
  });
});
