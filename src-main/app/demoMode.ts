import fs from 'node:fs';
import path from 'node:path';
import { SimulatedChannel } from '../channels/simulated/simulatedChannel';
import { openDatabase } from '../db/database';
import { readSetting } from '../db/repositories/settings';
import { DEMO_SETTING, seedDemoClinic } from '../domain/demo/demoSeed';
import { startDemoSimulation } from '../domain/demo/demoSimulation';
import { applyStatus, receiveInbound } from '../domain/messaging/messagingService';
import { DeskError } from '../domain/shared/errors';
import { seededRandom } from '../domain/shared/random';
import type { AppContext } from './area';
import { databaseFile } from './createApp';
import { holdDataFolder } from './dataFolderLock';

/**
 * Before opening a demo data folder: a demo seeded on another day is thrown away (its "today" is stale),
 * and a folder holding a real clinic is never touched.
 */
export function prepareDemoFolder(dataDir: string, today: string, opts: { reset?: boolean } = {}): void {
  const file = databaseFile(dataDir);
  if (!fs.existsSync(file)) return;
  // Never reset a demo folder another desk has open: holding it for the check refuses with its holder's name.
  const release = holdDataFolder(dataDir, 'demo preparation');
  try {
    prepareHeldDemoFolder(dataDir, file, today, opts);
  } finally {
    release();
  }
}

function prepareHeldDemoFolder(dataDir: string, file: string, today: string, opts: { reset?: boolean }): void {
  const db = openDatabase(file);
  const demo = readSetting<{ seededDay: string }>(db, DEMO_SETTING);
  const patients = (db.prepare('SELECT count(*) AS n FROM patients').get() as { n: number }).n;
  db.close();
  if (!demo && patients > 0) {
    throw new DeskError('conflict', `${dataDir} holds a real clinic's data; the demo needs its own folder (omit --data, or pass an empty one).`);
  }
  if (opts.reset || (demo && demo.seededDay !== today)) {
    for (const f of fs.readdirSync(dataDir)) {
      if (f.startsWith('clinic-desk.sqlite3') || f === 'simulated-sends.jsonl') fs.rmSync(path.join(dataDir, f), { force: true });
    }
  }
}

export interface DemoOptions {
  simulate: boolean;
  seed?: number;
  /** Simulated provider latency per message (CLINIC_DESK_SIM_LATENCY_MS), for crash tests. */
  latencyMs?: number;
}

/** Seeds the demo clinic if the database is empty, plugs in simulated WhatsApp and SMS, and lets patients write. */
export function startDemo(ctx: AppContext, o: DemoOptions): void {
  const empty = (ctx.db.prepare('SELECT count(*) AS n FROM patients').get() as { n: number }).n === 0;
  if (empty) seedDemoClinic(ctx.messaging, o.seed);
  const sink = { message: (m: Parameters<typeof receiveInbound>[1]) => void receiveInbound(ctx.messaging, m), status: (s: Parameters<typeof applyStatus>[1]) => void applyStatus(ctx.messaging, s) };
  const ledgerFile = path.join(ctx.dataDir, 'simulated-sends.jsonl');
  for (const channel of ['whatsapp', 'sms'] as const) {
    const sim = new SimulatedChannel({ channel, sink, now: () => ctx.clock.now(), ledgerFile, ...(o.latencyMs ? { latencyMs: o.latencyMs } : {}) });
    ctx.senders.set(channel, sim);
    ctx.onStop.push(() => sim.dispose());
  }
  if (o.simulate) ctx.onStop.push(startDemoSimulation(ctx.messaging, seededRandom((o.seed ?? 1) + 7)));
  ctx.outbox.kick();
}
