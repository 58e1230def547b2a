import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fillBenchDatabase } from '../../bench/benchDatabase';
import { measure, type Measurement } from '../../bench/measure';
import { queryPlansOf, type QueryPlan } from '../../bench/queryPlans';
import { createApp, databaseFile } from '../../app/createApp';
import { openDatabase } from '../../db/database';
import { nextDue } from '../../db/repositories/outbox';
import { appointmentsOfDay } from '../../db/repositories/schedule';
import { readSetting, writeSetting } from '../../db/repositories/settings';
import { receiveInbound } from '../../domain/messaging/messagingService';
import type { Command } from '../command';

const SIZE_KEY = 'bench.size';

export const benchCommand: Command = {
  name: 'bench',
  summary: 'Measure the desk on a large database (default 100,000 patients and 1,000,000 messages).',
  usage: 'bench [--patients 100000] [--messages 1000000] [--data DIR] [--json]',
  options: {
    patients: { type: 'string', default: '100000' },
    messages: { type: 'string', default: '1000000' },
    data: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ values }, io) {
    const size = { patients: Number(values.patients), messages: Number(values.messages) };
    const dataDir = (values.data as string | undefined) ?? path.join(os.tmpdir(), `clinic-desk-bench-${size.patients}-${size.messages}`);
    fs.mkdirSync(dataDir, { recursive: true });
    const file = databaseFile(dataDir);
    {
      const db = openDatabase(file);
      const built = readSetting<typeof size>(db, SIZE_KEY);
      if (!built || built.patients !== size.patients || built.messages !== size.messages) {
        db.close();
        for (const f of fs.readdirSync(dataDir)) if (f.startsWith('clinic-desk.sqlite3')) fs.rmSync(path.join(dataDir, f));
        const fresh = openDatabase(file);
        const t = Date.now();
        io.err(`Building the benchmark database in ${dataDir} …`);
        fillBenchDatabase(fresh, size, Date.now());
        writeSetting(fresh, SIZE_KEY, size);
        io.err(`… built in ${((Date.now() - t) / 1000).toFixed(1)} s (${(fs.statSync(file).size / 1e6).toFixed(0)} MB)`);
        fresh.close();
      } else db.close();
    }

    const app = await createApp({ dataDir, startOutbox: false, program: 'clinic-desk bench' });
    const results: Measurement[] = [];
    const call = (m: string, p: unknown) => app.call(m, p);
    const timeAsync = async (name: string, runs: number, fn: (i: number) => Promise<unknown>): Promise<void> => {
      await fn(0);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = process.hrtime.bigint();
        await fn(i + 1);
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      times.sort((a, b) => a - b);
      const q = (x: number) => Math.round(times[Math.min(times.length - 1, Math.floor(x * times.length))]! * 100) / 100;
      results.push({ name, runs, medianMs: q(0.5), p95Ms: q(0.95), maxMs: q(1) });
    };
    await timeAsync('inbox.list first page (100, active)', 50, () => call('inbox.list', { status: 'active', limit: 100 }));
    await timeAsync('inbox.list page 50 of all', 20, () => call('inbox.list', { status: 'all', limit: 100, offset: 5000 }));
    await timeAsync('conversation.get (timeline + card)', 200, (i) => call('conversation.get', { conversationId: 1 + ((i * 7919) % size.patients) }));
    results.push(
      measure('inbound message stored (new provider id)', 500, (i) =>
        receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: `bench-in-${Date.now()}-${i}`, fromPhone: `+39${3200000000 + 1 + ((i * 104729) % size.patients)}`, body: 'Buongiorno, vorrei spostare l’appuntamento', at: Date.now() }),
      ),
    );
    // A first contact: a new patient with no language yet, so auto-replies also propose one from the text.
    results.push(
      measure('inbound from a new number (new patient)', 200, (i) =>
        receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: `bench-new-${Date.now()}-${i}`, fromPhone: `+39${3400000000 + Math.floor(Date.now() % 1e6) * 1000 + i}`, body: 'Buongiorno, sono un nuovo paziente, avete posto sabato?', at: Date.now() }),
      ),
    );
    results.push(
      measure('inbound WhatsApp (existing patient)', 200, (i) =>
        receiveInbound(app.ctx.messaging, { channel: 'whatsapp', providerId: `bench-wa-${Date.now()}-${i}`, fromPhone: `+39${3200000000 + 1 + ((i * 7907) % size.patients)}`, body: 'Grazie mille, a domani', at: Date.now() }),
      ),
    );
    results.push(measure('full-text search on messages (FTS5, 20 hits)', 50, () => app.ctx.db.prepare("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'spostare AND pomeriggio' LIMIT 20").all()));
    // The plans of the hot queries, read from the code as it runs (see bench/queryPlans.ts).
    const now = Date.now();
    const planCases: Array<[string, () => unknown]> = [
      ['inbox list (active)', () => call('inbox.list', { status: 'active', limit: 100 })],
      ['inbox list (all, page 50)', () => call('inbox.list', { status: 'all', limit: 100, offset: 5000 })],
      ['search', () => call('inbox.search', { query: 'spostare pomeriggio', limit: 30 })],
      ['timeline (conversation.get)', () => call('conversation.get', { conversationId: 1 })],
      ['callback tasks', () => call('calls.callbacks', {})],
      ['day schedule', async () => {
        await call('appointments.day', {});
        return appointmentsOfDay(app.ctx.db, 1, now, now + 86_400_000);
      }],
      ['outbox (next due per channel)', () => [nextDue(app.ctx.db, 'sms', now), nextDue(app.ctx.db, 'whatsapp', Number.MAX_SAFE_INTEGER)]],
    ];
    const plans: Array<{ case: string; plans: QueryPlan[] }> = [];
    for (const [name, fn] of planCases) plans.push({ case: name, plans: await queryPlansOf(app.ctx.db, fn) });
    await app.stop();

    if (values.json) {
      io.out(JSON.stringify({ size, results, plans }, null, 2));
      return 0;
    }
    io.out(`Clinic Desk benchmark — ${size.patients.toLocaleString('en')} patients, ${size.messages.toLocaleString('en')} messages`);
    io.out(`${'case'.padEnd(48)} ${'median'.padStart(9)} ${'p95'.padStart(9)} ${'max'.padStart(9)}`);
    for (const r of results) io.out(`${r.name.padEnd(48)} ${`${r.medianMs} ms`.padStart(9)} ${`${r.p95Ms} ms`.padStart(9)} ${`${r.maxMs} ms`.padStart(9)}`);
    io.out('\nQuery plans (! = reads a whole table without an index):');
    for (const c of plans) {
      io.out(`  ${c.case}`);
      for (const p of c.plans) io.out(`    ${p.suspicious ? '!' : ' '} ${p.plan.join(' | ')}\n        ${p.sql.slice(0, 140)}`);
    }
    return 0;
  },
};
