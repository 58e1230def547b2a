import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { registerSqlFunctions } from '../../src-main/db/sqlFunctions';
import { startDemoHost, type DemoHost } from './fixtures';

/**
 * The campaign Must: a 2,000-patient campaign through a real SMS adapter (SMSAPI's) to a local HTTP server that
 * acts as SMSAPI and records every attempt, the host SIGKILLed mid-campaign, restarted; every patient gets the
 * SMS exactly once, and the report adds up. Like SMSAPI with check_idx=1, the fake refuses a repeated idx
 * (error 53): the one request that may have been in flight at the kill is retried and refused, never sent twice.
 */
const N = 2000;
const PER_MINUTE = 3000; // one every 20 ms (±10 %): SMSAPI's floor is 10 ms
const phoneOf = (i: number) => `+39347${String(1_000_000 + i).padStart(7, '0')}`;

interface Attempt {
  idx: string;
  to: string;
  accepted: boolean;
}

function fakeSmsapi(): Promise<{ url: string; attempts: Attempt[]; close(): Promise<void> }> {
  const attempts: Attempt[] = [];
  const seen = new Set<string>();
  let id = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      const idx = form.get('idx') ?? '';
      const to = form.get('to') ?? '';
      const duplicate = form.get('check_idx') === '1' && seen.has(idx);
      attempts.push({ idx, to, accepted: !duplicate });
      seen.add(idx);
      res.setHeader('content-type', 'application/json');
      // A few ms of provider latency, so the kill lands while requests are in flight.
      setTimeout(() => {
        if (duplicate) res.end(JSON.stringify({ error: 53, message: 'Not unique idx' }));
        else res.end(JSON.stringify({ count: 1, list: [{ id: `SMSAPI-${++id}`, points: 0.16, number: to, status: 'QUEUE', parts: 1 }] }));
      }, 5);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, attempts, close: () => new Promise<void>((r) => server.close(() => r())) }),
    ),
  );
}

/** Writes the clinic's patients straight into the database while the host is stopped (creating 2,000 through the API would take the test's time). */
function seedPatients(dataDir: string): void {
  const db = new Database(path.join(dataDir, 'clinic-desk.sqlite3'));
  // The schema's triggers call the desk's SQL functions (desk_fold for the search index).
  registerSqlFunctions(db);
  const now = Date.now();
  db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const pid = Number(db.prepare(`INSERT INTO patients (first_name, last_name, language, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`).run(`Nome${i}`, `Cognome${i}`, i % 2 ? 'pl' : 'it', now, now).lastInsertRowid);
      db.prepare(`INSERT INTO patient_identities (patient_id, kind, value, created_at) VALUES (?, 'phone', ?, ?)`).run(pid, phoneOf(i), now);
      db.prepare(`INSERT INTO patient_consents (patient_id, kind, granted, at, source) VALUES (?, 'sms', 1, ?, 'form'), (?, 'marketing', 1, ?, 'form')`).run(pid, now, pid, now);
    }
  })();
  db.close();
}

interface Report {
  status: string;
  recipients: number;
  pending: number;
  queued: number;
  sent: number;
  failed: number;
  refused: number;
  cancelled: number;
}

test('a 2,000-patient campaign survives a SIGKILL: every patient gets the SMS exactly once and the report adds up', async () => {
  test.setTimeout(240_000);
  const sms = await fakeSmsapi();
  let host: DemoHost = await startDemoHost({ demo: false });
  const dataDir = host.dataDir;
  try {
    await host.stop();
    seedPatients(dataDir);
    host = await startDemoHost({ dataDir, demo: false });
    await host.api('sms.saveProvider', { provider: 'smsapi', token: 'test-token', senderName: '', baseUrl: sms.url, publicUrl: '' });
    await host.api('sms.updateSettings', { activeProvider: 'smsapi' });
    const template = await host.api<{ template: { id: number } }>('templates.save', {
      name: 'Nuova sede',
      shortcode: 'nuovasede',
      category: 'general',
      variants: { it: 'Gentile {{patient.first_name}}, da lunedì ci trovate in via Roma 1.', pl: 'Dzień dobry {{patient.first_name}}, od poniedziałku: via Roma 1.' },
    });
    const count = await host.api<{ count: number }>('segments.count', { definition: { marketingConsent: true, channelConsent: 'sms' } });
    expect(count.count).toBe(N);
    const created = await host.api<{ id: number }>('campaigns.create', {
      name: 'Nuova sede',
      segment: { marketingConsent: true, channelConsent: 'sms' },
      templateId: template.template.id,
      channels: ['sms'],
      perMinute: PER_MINUTE,
    });
    const started = Date.now();
    await host.api('campaigns.start', { id: created.id });

    // Let a few hundred go, then kill the host mid-send.
    await expect.poll(() => sms.attempts.length, { timeout: 60_000, intervals: [200] }).toBeGreaterThan(300);
    await host.stop('SIGKILL');
    const atKill = sms.attempts.length;
    expect(atKill).toBeLessThan(N);

    host = await startDemoHost({ dataDir, demo: false });
    await expect
      .poll(async () => (await host.api<Report>('campaigns.report', { id: created.id })).status, { timeout: 180_000, intervals: [1000] })
      .toBe('done');
    await expect.poll(async () => (await host.api<Report>('campaigns.report', { id: created.id })).queued, { timeout: 60_000, intervals: [500] }).toBe(0);
    const elapsed = Date.now() - started;

    // 0 lost, 0 twice: each patient's number was accepted by the provider exactly once.
    const accepted = sms.attempts.filter((a) => a.accepted);
    expect(accepted).toHaveLength(N);
    expect(new Set(accepted.map((a) => a.to)).size).toBe(N);
    expect(new Set(accepted.map((a) => a.idx)).size).toBe(N);
    // At most the request in flight at the kill was tried again, and SMSAPI's idx check refused it.
    expect(sms.attempts.length - N).toBeLessThanOrEqual(1);

    const r = await host.api<Report>('campaigns.report', { id: created.id });
    expect(r).toMatchObject({ status: 'done', recipients: N, pending: 0, refused: 0, cancelled: 0, queued: 0, sent: N, failed: 0 });
    expect(r.pending + r.refused + r.cancelled + r.queued + r.sent + r.failed).toBe(r.recipients);
    // The configured pace holds: 2,000 at 3,000 a minute take at least ~36 s (20 ms ±10 % each), restart included.
    expect(elapsed).toBeGreaterThan(((N - 1) * 60_000 * 0.9) / PER_MINUTE);
    const db = new Database(path.join(dataDir, 'clinic-desk.sqlite3'), { readonly: true });
    const keys = db.prepare(`SELECT count(*) AS n, count(DISTINCT idempotency_key) AS d FROM outbox WHERE idempotency_key LIKE 'campaign:%'`).get() as { n: number; d: number };
    db.close();
    expect(keys).toEqual({ n: N, d: N });
    process.stdout.write(`campaign crash figures: attempts before kill ${atKill}, total attempts ${sms.attempts.length}, elapsed ${elapsed} ms\n`);
  } finally {
    await host.stop();
    await sms.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
