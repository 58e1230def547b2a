/**
 * Entry of the backend process: Electron starts it with utilityProcess.fork (out/main/backend.js), tests
 * with child_process.fork. It must not import electron: it is plain Node behind a message port.
 */
import { runBackend } from './backend';
import { parentEnd } from './transport';

const backend = runBackend(parentEnd(), { onStopped: () => setTimeout(() => process.exit(0), 10) });
// Nothing thrown anywhere may take the clinic's database down silently: logged (redacted) and reported to the shell.
process.on('uncaughtException', (err) => backend.logError(`uncaught: ${err.stack ?? err.message}`));
process.on('unhandledRejection', (err) => backend.logError(`unhandled rejection: ${(err as Error)?.stack ?? String(err)}`));
