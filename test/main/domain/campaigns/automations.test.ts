import { afterEach, describe, expect, it } from 'vitest';
import type { CampaignReport } from '../../../../src-main/contract/campaigns';
import { setConsent } from '../../../../src-main/db/repositories/patients';
import { birthdayKeys, monthsBefore, runAutomations } from '../../../../src-main/domain/campaigns/automations';
import { runCampaignTick } from '../../../../src-main/domain/campaigns/campaignsArea';
import { campaignTemplate, seedCampaignClinic } from '../../../helpers/campaignClinic';
import { T0, tempApp } from '../../../helpers/tempApp';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

const DAY = 24 * 3600 * 1000;
// T0 is Monday 23 Nov 2026, 10:00 in Rome.

describe('automation calendar rules', () => {
  it.each([
    ['2026-11-23', ['11-23']],
    ['2027-02-28', ['02-28', '02-29']],
    ['2028-02-28', ['02-28']],
    ['2028-02-29', ['02-29']],
  ])('birthdays greeted on %s: %j', (date, keys) => expect(birthdayKeys(date)).toEqual(keys));

  it.each([
    ['2026-11-23', 12, '2025-11-23'],
    ['2026-03-31', 1, '2026-02-28'],
    ['2026-01-15', 3, '2025-10-15'],
  ])('%s minus %i months is %s', (date, n, expected) => expect(monthsBefore(date, n)).toBe(expected));
});

describe('birthday greetings and recall', () => {
  async function clinic() {
    const app = await tempApp();
    cleanup = app.cleanup;
    const { db } = app.ctx;
    const ids = seedCampaignClinic(db, 6, T0, { 5: 'no_marketing' });
    const templateId = campaignTemplate(db, T0);
    return { app, db, ids, templateId };
  }

  it('greets at the chosen hour, once a year, only with marketing consent; the weekly preview shows who and why not', async () => {
    const { app, db, ids, templateId } = await clinic();
    db.prepare(`UPDATE patients SET birth_date = '1980-11-23' WHERE id IN (?, ?, ?)`).run(ids[0], ids[1], ids[5]);
    db.prepare(`UPDATE patients SET birth_date = '1990-11-25' WHERE id = ?`).run(ids[2]);
    // Off by default: nothing happens.
    expect(runAutomations(db, T0)).toEqual([]);
    const settings = (await app.call('automations.get', {})) as { birthday: Record<string, unknown>; recall: Record<string, unknown> };
    await app.call('automations.save', { ...settings, birthday: { ...settings.birthday, enabled: true, hour: 11, templateId, channels: ['sms'] } });
    expect(runAutomations(db, T0)).toEqual([]); // 10:00 in Rome, greetings start at 11
    const week = (await app.call('automations.week', {})) as { birthday: { date: string; patients: { id: number; channel: string | null; refusal: string | null }[] }[] };
    expect(week.birthday[0]!.date).toBe('2026-11-23');
    expect(week.birthday[0]!.patients).toEqual([
      expect.objectContaining({ id: ids[0], channel: 'sms', refusal: null }),
      expect.objectContaining({ id: ids[1], channel: 'sms', refusal: null }),
      expect.objectContaining({ id: ids[5], channel: null, refusal: 'no_marketing_consent' }),
    ]);
    expect(week.birthday[2]!.patients.map((p) => p.id)).toEqual([ids[2]]);

    app.clock.set(T0 + 3600_000);
    const [campaignId] = runAutomations(db, app.clock.now());
    expect(campaignId).toBeDefined();
    expect(runAutomations(db, app.clock.now() + 60_000)).toEqual([]); // once a year: nothing new later that day
    for (let i = 0; i < 5; i++) {
      app.clock.advance(10_000);
      runCampaignTick(app.ctx);
    }
    const r = (await app.call('campaigns.report', { id: campaignId })) as CampaignReport;
    expect(r).toMatchObject({ kind: 'birthday', status: 'done', recipients: 3, queued: 2, refused: 1 });
    expect(r.refusals).toEqual([{ reason: 'no_marketing_consent', count: 1 }]);
    // Next year, they are greeted again.
    expect(runAutomations(db, T0 + 365 * DAY + 3600_000)).toHaveLength(1);
  });

  it('recalls patients not seen for N months with no visit booked, at most once every M months', async () => {
    const { app, db, ids, templateId } = await clinic();
    db.prepare(`INSERT INTO practitioners (id, name) VALUES (1, 'Dr. Rossi')`).run();
    const visit = (pid: number, t: number, status = 'done') =>
      db.prepare(`INSERT INTO appointments (patient_id, practitioner_id, starts_at, ends_at, type, status) VALUES (?, 1, ?, ?, 'igiene', ?)`).run(pid, t, t + 1_800_000, status);
    visit(ids[0]!, T0 - 400 * DAY); // 13 months ago: due
    visit(ids[1]!, T0 - 100 * DAY); // seen recently
    visit(ids[2]!, T0 - 400 * DAY);
    visit(ids[2]!, T0 + 10 * DAY, 'booked'); // already booked: not recalled
    visit(ids[3]!, T0 - 363 * DAY); // 25 Nov 2025: due on 26 Nov 2026, in 3 days
    setConsent(db, ids[3]!, 'sms', true, T0, 'form');
    const s = (await app.call('automations.get', {})) as { birthday: Record<string, unknown>; recall: Record<string, unknown> };
    await app.call('automations.save', { ...s, recall: { ...s.recall, enabled: true, hour: 9, templateId, channels: ['sms'], notSeenMonths: 12, repeatMonths: 6 } });

    const week = (await app.call('automations.week', {})) as { recall: { date: string; patients: { id: number }[] }[] };
    expect(week.recall[0]!.patients.map((p) => p.id)).toEqual([ids[0]]);
    expect(week.recall[3]!.patients.map((p) => p.id)).toEqual([ids[3]]);

    expect(runAutomations(db, T0)).toHaveLength(1);
    expect(runAutomations(db, T0 + 60_000)).toEqual([]);
    // Three days later patient 3 is due; patient 0 was recalled 3 days ago and waits 6 months.
    const later = runAutomations(db, T0 + 3 * DAY);
    expect(later).toHaveLength(1);
    expect(db.prepare(`SELECT patient_id FROM campaign_recipients WHERE campaign_id = ?`).all(later[0])).toEqual([{ patient_id: ids[3] }]);
    // Seven months on, patient 0 (still not seen) is recalled again.
    const again = runAutomations(db, T0 + 213 * DAY);
    expect(db.prepare(`SELECT patient_id FROM campaign_recipients WHERE campaign_id = ? ORDER BY patient_id`).all(again[0])).toEqual([{ patient_id: ids[0] }, { patient_id: ids[3] }]);
    // Patient 2's booked visit took place in the meantime: no recall.
  });
});
