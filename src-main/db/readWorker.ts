import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { ReadQuery } from './repositories/inboxSearch';

/**
 * A worker thread with its own read-only connection to the clinic database, for reads that may take
 * long (search). The request thread — every desk's calls, every webhook — never waits for them.
 * - The SQL is the repositories' (ReadQuery); the worker only prepares and runs it, so its code is a few
 *   lines inlined here and runs the same from the TypeScript sources (tests) and the bundled app.
 * - One job at a time, newest-wins per key: a desk typing "a", "ap", "app" cancels its queued "a" and
 *   "ap"; a job that runs past `timeoutMs`, or whose key got a newer job while it ran, is cut short by
 *   restarting the worker (SQLite cannot be interrupted from another thread through better-sqlite3).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
db.pragma('busy_timeout = 5000');
for (const sql of workerData.setup) db.exec(sql);
parentPort.postMessage({ ready: true });
const cache = new Map();
parentPort.on('message', ({ id, queries }) => {
  try {
    const results = queries.map((q) => {
      let st = cache.get(q.sql);
      if (!st) { st = db.prepare(q.sql); if (cache.size > 200) cache.clear(); cache.set(q.sql, st); }
      return st.all(...q.params);
    });
    parentPort.postMessage({ id, results });
  } catch (err) {
    parentPort.postMessage({ id, error: { code: err.code || 'read_failed', message: String(err.message || err) } });
  }
});
`;

/** The worker is inline code: hand it the driver's resolved path (the app's cwd is anywhere). */
const DRIVER = createRequire(import.meta.url).resolve('better-sqlite3');

export class ReadCancelledError extends Error {
  readonly code = 'cancelled';
}

interface Job {
  id: number;
  key: string;
  queries: ReadQuery[];
  resolve: (rows: unknown[][]) => void;
  reject: (err: Error) => void;
}

export interface ReadWorkerOptions {
  file: string;
  nativeBinding?: string | undefined;
  timeoutMs?: number;
  /** SQL run once on the worker's connection after it opens (e.g. temp tables the queries read). */
  setup?: string[];
}

export class ReadWorker {
  private worker: Worker | null = null;
  private queue: Job[] = [];
  private running: Job | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private nextId = 1;
  private closed = false;
  /** Arms the running job's time budget once a fresh worker has opened the database. */
  private onReady: (() => void) | null = null;

  constructor(private readonly opts: ReadWorkerOptions) {}

  /** Runs the queries (in order, on one snapshot-free read connection) and resolves with their rows. */
  read(key: string, queries: ReadQuery[]): Promise<unknown[][]> {
    if (this.closed) return Promise.reject(new ReadCancelledError('the search worker is closed'));
    for (const queued of this.queue.filter((j) => j.key === key)) queued.reject(new ReadCancelledError('superseded by a newer search'));
    this.queue = this.queue.filter((j) => j.key !== key);
    if (this.running?.key === key) this.restart(new ReadCancelledError('superseded by a newer search'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, key, queries, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const j of this.queue) j.reject(new ReadCancelledError('the search worker is closed'));
    this.queue = [];
    this.running?.reject(new ReadCancelledError('the search worker is closed'));
    this.running = null;
    if (this.timer) clearTimeout(this.timer);
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private spawn(): Worker {
    const w = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file: this.opts.file, nativeBinding: this.opts.nativeBinding ?? process.env.CLINIC_DESK_SQLITE_BINDING, driver: DRIVER, setup: this.opts.setup ?? [] },
    });
    w.unref();
    w.on('message', (m: { ready?: true; id: number; results?: unknown[][]; error?: { code: string; message: string } }) => {
      if (m.ready) {
        const arm = this.onReady;
        this.onReady = null;
        arm?.();
        return;
      }
      const job = this.running;
      if (!job || job.id !== m.id) return;
      this.finish();
      if (m.error) job.reject(Object.assign(new Error(m.error.message), { code: m.error.code }));
      else job.resolve(m.results!);
      this.pump();
    });
    w.on('error', (err) => this.restart(err));
    return w;
  }

  private pump(): void {
    if (this.running || this.closed) return;
    const job = this.queue.shift();
    if (!job) return;
    const fresh = !this.worker;
    this.worker ??= this.spawn();
    this.running = job;
    // The budget is for the reading, not for starting a thread on a busy machine.
    const arm = (): void => {
      if (this.running !== job) return;
      this.timer = setTimeout(() => this.restart(new ReadCancelledError('the search took too long')), this.opts.timeoutMs ?? 5_000);
      this.timer.unref?.();
    };
    if (fresh) this.onReady = arm;
    else arm();
    this.worker.postMessage({ id: job.id, queries: job.queries });
  }

  private finish(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = null;
  }

  /** Drops the running job (its worker is busy in SQLite: terminate it) and goes on with the queue. */
  private restart(err: Error): void {
    const job = this.running;
    this.finish();
    job?.reject(err);
    const w = this.worker;
    this.worker = null;
    if (w) void w.terminate();
    queueMicrotask(() => this.pump());
  }
}
