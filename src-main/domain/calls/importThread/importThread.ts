import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CallImportSummary } from '../../../contract/calls';
import type { Db } from '../../../db/database';
import type { EventName } from '../../../contract';
import type { MessagingDeps } from '../../messaging/messagingService';
import { errorOfJob, type CallImportJob, type CallImportJobResult } from './importJob';

/**
 * The request thread's side of the call import thread. The thread is the bundled
 * `callImportThread.js` beside this code (out/main); `CLINIC_DESK_IMPORT_THREAD` names another file (tests
 * point it at the built one). Run from the TypeScript sources there is no such file: `forDatabase`
 * answers null and the import runs on the request thread in yielding slices, as before.
 */
/** The thread could not start (its file unreadable, e.g. inside a packed archive): import on the request thread. */
export class ImportThreadUnavailable extends Error {}

export class CallImportThread {
  private worker: Worker | null = null;
  /** Whether a thread ever opened the database; until then a failure means there is no usable thread. */
  private everReady = false;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: CallImportJobResult) => void; reject: (e: Error) => void }>();

  private constructor(
    private readonly entry: string,
    private readonly file: string,
  ) {}

  /** Null for an in-memory database or when the thread's code is not there (TypeScript sources). */
  static forDatabase(db: Db): CallImportThread | null {
    const entry = process.env.CLINIC_DESK_IMPORT_THREAD ?? path.join(__dirname, 'callImportThread.js');
    if (db.memory || !db.name || db.name === ':memory:' || !fs.existsSync(entry)) return null;
    return new CallImportThread(entry, db.name);
  }

  /** Runs the import on the thread; events and the outbox kick are replayed here, errors rethrown as DeskErrors. */
  async run(deps: MessagingDeps, job: CallImportJob): Promise<CallImportSummary> {
    const result = await this.post(job);
    if (!result.ok) throw errorOfJob(result.error);
    for (const [name, payload] of result.events) deps.events.emit(name as EventName, payload as never);
    if (result.kickOutbox) deps.kickOutbox();
    return result.summary;
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.failAll(new Error('the call import thread was stopped'));
    if (w) await w.terminate();
  }

  private post(job: CallImportJob): Promise<CallImportJobResult> {
    const w = (this.worker ??= this.spawn());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.postMessage({ id, job });
    });
  }

  private spawn(): Worker {
    const w = new Worker(this.entry, { workerData: { file: this.file, nativeBinding: process.env.CLINIC_DESK_SQLITE_BINDING } });
    w.unref();
    w.on('message', (m: { ready?: true; id?: number; result?: CallImportJobResult }) => {
      if (m.ready) this.everReady = true;
      if (m.ready || m.id === undefined) return;
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      p?.resolve(m.result!);
    });
    // A thread that dies (out of memory, a bug) fails its imports; the next import starts a fresh one.
    const died = (err: Error): void => {
      if (this.worker === w) this.worker = null;
      this.failAll(this.everReady ? err : new ImportThreadUnavailable(err.message));
    };
    w.on('error', died);
    w.on('exit', (code) => died(new Error(`the call import thread stopped (exit ${code})`)));
    return w;
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}
