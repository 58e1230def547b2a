import path from 'node:path';
import { utilityProcess, type UtilityProcess } from 'electron';
import { BackendClient } from '../backend/backendClient';
import type { BackendStart, FromBackend, MessageEnd, ToBackend } from '../backend/protocol';

export interface RunningBackend {
  client: BackendClient;
  child: UtilityProcess;
  options: BackendStart;
}

/** Starts out/main/backend.js as an Electron utility process and the client that talks to it. */
export async function startBackendProcess(options: BackendStart, log: (level: 'info' | 'warn' | 'error', message: string) => void, onExit: (code: number) => void): Promise<RunningBackend> {
  const child = utilityProcess.fork(path.join(__dirname, 'backend.js'), [], { serviceName: 'Clinic Desk backend', stdio: 'inherit' });
  const end: MessageEnd<FromBackend, ToBackend> = {
    post: (m) => child.postMessage(m),
    onMessage: (fn) => child.on('message', (m) => fn(m as FromBackend)),
  };
  const client = new BackendClient(end, log);
  child.once('exit', (code) => {
    client.failPending('the desk backend stopped; it is restarting');
    onExit(code);
  });
  await client.start(options);
  return { client, child, options };
}
