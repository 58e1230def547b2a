import type { FromBackend, MessageEnd, ToBackend } from './protocol';

/** The shape of Electron's `process.parentPort` inside a utilityProcess (no electron import needed). */
interface ParentPort {
  postMessage(msg: unknown): void;
  on(event: 'message', fn: (e: { data: unknown }) => void): void;
}

/**
 * The backend's end of the channel to its parent: Electron's parentPort when it runs as a
 * utilityProcess, else the Node IPC channel of `child_process.fork` (how tests run the same entry).
 */
export function parentEnd(): MessageEnd<ToBackend, FromBackend> {
  const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (port) {
    return { post: (m) => port.postMessage(m), onMessage: (fn) => port.on('message', (e) => fn(e.data as ToBackend)) };
  }
  if (process.send) {
    return {
      post: (m) => {
        if (process.connected) process.send!(m);
      },
      onMessage: (fn) => process.on('message', (m) => fn(m as ToBackend)),
    };
  }
  throw new Error('The backend runs as a child process (Electron utilityProcess or child_process.fork), not on its own.');
}
