/**
 * Entry of the backend process: Electron starts it with utilityProcess.fork (out/main/backend.js), tests
 * with child_process.fork. It must not import electron: it is plain Node behind a message port.
 */
import { runBackend } from './backend';
import { parentEnd } from './transport';

const end = parentEnd();
// Nothing thrown anywhere may take the clinic's database down silently: report, then let the shell restart us.
process.on('uncaughtException', (err) => end.post({ type: 'log', level: 'error', message: `uncaught: ${err.stack ?? err.message}` }));
process.on('unhandledRejection', (err) => end.post({ type: 'log', level: 'error', message: `unhandled rejection: ${(err as Error)?.stack ?? String(err)}` }));
runBackend(end, { onStopped: () => setTimeout(() => process.exit(0), 10) });
