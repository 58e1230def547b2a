import { parentPort, workerData } from 'node:worker_threads';
import { openWorkerConnection } from '../../../db/database';
import { runCallImportJob, type CallImportJob } from './importJob';

/**
 * The call import thread (bundled as out/main/callImportThread.js): its own connection to the clinic
 * database, one import at a time. Parsing, number parsing and the one write transaction all run here,
 * so the request thread keeps answering the desks while a 50,000-row file goes in.
 */
const data = workerData as { file: string; nativeBinding?: string };
const db = openWorkerConnection(data.file, data.nativeBinding ? { nativeBinding: data.nativeBinding } : {});
let queue = Promise.resolve();
parentPort?.on('message', (m: { id: number; job: CallImportJob }) => {
  queue = queue.then(async () => {
    const result = await runCallImportJob(db, m.job);
    parentPort?.postMessage({ id: m.id, result });
  });
});
parentPort?.postMessage({ ready: true });
