import type { CallImportSummary } from '../../../contract/calls';
import type { Db } from '../../../db/database';
import type { Region } from '../../patients/phone';
import { EventBus } from '../../shared/eventBus';
import { DeskError, type WireError } from '../../shared/errors';
import { importCallFile, type CallImportRequest } from '../importService';

/** What the request thread hands the import thread: the request and the few things its deps need. */
export interface CallImportJob {
  req: CallImportRequest;
  user: string;
  /** The desk's clock when the import was asked for: every row of one file is stored at that time. */
  now: number;
  region: Region;
}

/** What comes back: the summary, or the error as a value, plus what the request thread must replay. */
export type CallImportJobResult =
  | { ok: true; summary: CallImportSummary; events: Array<[string, unknown]>; kickOutbox: boolean }
  | { ok: false; error: WireError };

/**
 * Runs one call import on its own connection (the import thread's): the same `importCallFile` as on the
 * request thread, with events recorded instead of emitted (the request thread owns the sockets and replays
 * them) and the outbox kick remembered (a text-back may have queued a message for the outbox worker).
 */
export async function runCallImportJob(db: Db, job: CallImportJob): Promise<CallImportJobResult> {
  const events: Array<[string, unknown]> = [];
  const bus = new EventBus();
  bus.onAny((name, payload) => events.push([name, payload]));
  let kickOutbox = false;
  try {
    const summary = await importCallFile(
      { db, clock: { now: () => job.now }, events: bus, region: () => job.region, kickOutbox: () => (kickOutbox = true) },
      job.req,
      job.user,
    );
    return { ok: true, summary, events, kickOutbox };
  } catch (e) {
    const error: WireError = e instanceof DeskError ? e.toJSON() : { code: 'internal', message: e instanceof Error ? e.message : String(e) };
    return { ok: false, error };
  }
}

/** The request thread's view of a failed job: the same DeskError the in-thread import would have thrown. */
export function errorOfJob(error: WireError): DeskError {
  return new DeskError(error.code, error.message, {
    ...(error.field !== undefined ? { field: error.field } : {}),
    ...(error.reason !== undefined ? { reason: error.reason } : {}),
    ...(error.params !== undefined ? { params: error.params } : {}),
    ...(error.details !== undefined ? { details: error.details } : {}),
  });
}
