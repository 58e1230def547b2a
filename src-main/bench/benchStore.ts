import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { databaseFile } from '../app/createApp';
import { openDatabase } from '../db/database';
import { allMigrations } from '../db/migrate';
import { BENCH_SIZES, GENERATOR_VERSION, generateClinic, type BenchSizeName, type GeneratedFacts } from './generator/generateClinic';

/**
 * The benchmark databases: built once per size, generator version and schema version under
 * `<root>/<key>/`, made read-only, and never written again. Every run works on a fresh copy, so the
 * figures of two runs are measured on the same bytes (the old bench added rows to the file it reused).
 */
export interface BenchBuild {
  key: string;
  file: string;
  facts: GeneratedFacts;
  /** Only when this run built it: how long and how big. */
  /** cpuSeconds: this process's CPU time for the build — on a shared machine the wall time says more about the neighbours. */
  built: { seconds: number; cpuSeconds: number; megabytes: number; messagesPerSecond: number; messagesPerCpuSecond: number } | null;
}

export function benchKey(size: BenchSizeName): string {
  const schema = Math.max(...allMigrations().map((m) => m.version));
  return `${size}-g${GENERATOR_VERSION}-s${schema}`;
}

export function defaultBenchRoot(): string {
  return path.join(process.cwd(), '.bench');
}

export function ensureBenchDatabase(root: string, size: BenchSizeName, log: (line: string) => void): BenchBuild {
  const key = benchKey(size);
  const dir = path.join(root, key);
  const file = databaseFile(dir);
  const factsFile = path.join(dir, 'facts.json');
  if (fs.existsSync(file) && fs.existsSync(factsFile)) {
    return { key, file, facts: JSON.parse(fs.readFileSync(factsFile, 'utf8')) as GeneratedFacts, built: null };
  }
  // Build beside, then rename: an interrupted build never looks finished.
  const building = `${dir}.building-${process.pid}`;
  fs.rmSync(building, { recursive: true, force: true });
  fs.mkdirSync(building, { recursive: true });
  const db = openDatabase(databaseFile(building));
  db.pragma('synchronous = OFF');
  const t0 = Date.now();
  const cpu0 = process.cpuUsage();
  log(`Building the ${size} benchmark database (${key}) …`);
  const facts = generateClinic(db, BENCH_SIZES[size], Date.UTC(2026, 10, 27, 11, 0), (what) => log(`  ${what} (${((Date.now() - t0) / 1000).toFixed(1)} s)`));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  db.close();
  const seconds = (Date.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = Math.round((cpu.user + cpu.system) / 1e4) / 100;
  fs.writeFileSync(path.join(building, 'facts.json'), JSON.stringify(facts));
  const builtFile = databaseFile(building);
  fs.chmodSync(builtFile, 0o444);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(building, dir);
  const megabytes = Math.round(fs.statSync(file).size / 1e6);
  log(`… built in ${seconds.toFixed(1)} s (${cpuSeconds} s of CPU), ${megabytes} MB`);
  return { key, file, facts, built: { seconds, cpuSeconds, megabytes, messagesPerSecond: Math.round(facts.messages / seconds), messagesPerCpuSecond: Math.round(facts.messages / cpuSeconds) } };
}

/** A private working copy of the cached database for one run (the cache itself stays untouched). */
export function workingCopy(build: BenchBuild): { dataDir: string; dispose: () => void } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `clinic-desk-bench-${build.key}-`));
  fs.copyFileSync(build.file, databaseFile(dataDir));
  fs.chmodSync(databaseFile(dataDir), 0o644);
  return { dataDir, dispose: () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}
