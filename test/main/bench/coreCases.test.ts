import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, databaseFile, type App } from '../../../src-main/app/createApp';
import type { BenchCase, BenchEnv } from '../../../src-main/bench/benchCase';
import { coreCases } from '../../../src-main/bench/coreCases';
import { generateClinic } from '../../../src-main/bench/generator/generateClinic';
import { openDatabase } from '../../../src-main/db/database';
import { OffsetClock } from '../../../src-main/domain/shared/clock';

/** The generated clinic's "now", days before the real date (as the bench's is). */
const CLINIC_NOW = Date.UTC(2026, 10, 20, 11, 0);

const ingestCases = coreCases.filter((c): c is BenchCase & { run: NonNullable<BenchCase['run']>; raw: NonNullable<BenchCase['raw']> } => c.name.startsWith('ingest:') && !!c.run && !!c.raw);

describe('the ingest cases and their raw insert', () => {
  let dir: string;
  let app: App;
  let env: BenchEnv;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-bench-cases-'));
    const db = openDatabase(databaseFile(dir));
    const facts = generateClinic(db, { name: '10k', patients: 400, messages: 3000, calls: 50, appointments: 20, heavyConversations: 1, heavyMessages: 200, heavyCalls: 10 }, CLINIC_NOW);
    db.close();
    // As runBench does: the desk's clock runs from the generated "now", not from today.
    app = await createApp({ dataDir: dir, startOutbox: false, backups: false, clock: new OffsetClock(facts.now - Date.now()) });
    env = { app, db: app.ctx.db, facts };
  });

  afterEach(async () => {
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('are measured on messages that arrive last in their conversation, never before a raw row', async () => {
    expect(ingestCases.map((c) => c.name)).toHaveLength(3);
    for (const c of ingestCases) await c.setup?.(env);
    for (const c of ingestCases) {
      await c.before?.(env);
      for (let i = 0; i <= 20; i++) {
        c.run(i, env);
        c.raw.run(i, env.db, env);
      }
    }
    const db = env.db;
    const senders = JSON.stringify(env.facts.phones);
    const senderConversations = `SELECT c.id FROM conversations c JOIN patient_identities i ON i.patient_id = c.patient_id
                                 WHERE i.kind = 'phone' AND i.value IN (SELECT value FROM json_each(?))`;
    const raw = db.prepare("SELECT conversation_id, created_at FROM messages WHERE provider_id LIKE 'bench-raw-%'").all() as { conversation_id: number; created_at: number }[];
    expect(raw.length).toBe(ingestCases.length * (2 * env.facts.phones.length + 21));
    // The raw rows stay out of the senders' conversations…
    const inSenders = db.prepare(`SELECT count(*) AS n FROM messages WHERE provider_id LIKE 'bench-raw-%' AND conversation_id IN (${senderConversations})`).get(senders) as { n: number };
    expect(inSenders.n).toBe(0);
    // …and are dated by the desk's clock: none lies in the future of the clinic it is written into.
    expect(Math.max(...raw.map((r) => r.created_at))).toBeLessThanOrEqual(app.ctx.clock.now());
    // So each measured message was the newest of its conversation when it arrived (no late-arrival rebuild).
    const later = db
      .prepare(
        `SELECT count(*) AS n FROM messages m WHERE m.provider_id LIKE 'bench-%' AND m.provider_id NOT LIKE 'bench-raw-%'
           AND EXISTS (SELECT 1 FROM messages l WHERE l.conversation_id = m.conversation_id AND l.created_at > m.created_at AND l.id < m.id)`,
      )
      .get() as { n: number };
    expect(later.n).toBe(0);
  });
});
