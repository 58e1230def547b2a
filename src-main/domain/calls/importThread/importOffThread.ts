import type { AppContext } from '../../../app/area';
import type { CallImportSummary } from '../../../contract/calls';
import type { Region } from '../../patients/phone';
import { importCallFile, type CallImportRequest } from '../importService';
import { CallImportThread, ImportThreadUnavailable } from './importThread';

const threads = new WeakMap<AppContext, CallImportThread | null>();

/** The desk's import thread, started with the first import and stopped with the app. */
function threadOf(ctx: AppContext): CallImportThread | null {
  if (threads.has(ctx)) return threads.get(ctx)!;
  const thread = CallImportThread.forDatabase(ctx.db);
  threads.set(ctx, thread);
  if (thread) ctx.onStop.push(() => thread.close());
  return thread;
}

/**
 * `calls.import` on the import thread, or null when there is none (TypeScript sources, in-memory
 * database): the caller then imports on the request thread.
 */
export function importOffRequestThread(ctx: AppContext, req: CallImportRequest, user: string): Promise<CallImportSummary> | null {
  const thread = threadOf(ctx);
  if (!thread) return null;
  return thread.run(ctx.messaging, { req, user, now: ctx.clock.now(), region: ctx.messaging.region() as Region }).catch((err: unknown) => {
    if (!(err instanceof ImportThreadUnavailable)) throw err;
    // The thread never opened the database (nothing was written there): this desk imports in place from now on.
    threads.set(ctx, null);
    return importCallFile(ctx.messaging, req, user);
  });
}
