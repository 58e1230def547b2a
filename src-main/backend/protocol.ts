import type { CallContext } from '../app/area';
import type { WireError } from '../host/wire';

/**
 * The messages between the desktop shell (Electron main) and the backend process that owns the
 * database, the domain services and the channels. Plain JSON-able objects: the same frames travel over
 * Electron's utilityProcess port and over a Node child process's IPC channel (tests).
 */
export interface BackendStart {
  dataDir: string;
  demo: boolean;
  /** 32-byte key (base64) the shell unwrapped with the OS key store; seals every secret at rest. */
  deskKey?: string;
  /** Electron's better-sqlite3 build for the utility process; absent under Node. */
  nativeBinding?: string;
  /** Share the desk on the LAN when it starts (Settings or the machine-wide file). */
  share?: ShareOptions | null;
  /** Where the built renderer is, for the shared desk's browsers. */
  rendererDir?: string;
}

export interface ShareOptions {
  host: string;
  port: number;
}

export type ToBackend =
  | { type: 'start'; options: BackendStart }
  | { type: 'call'; id: number; method: string; params: unknown; who: CallContext }
  | { type: 'ping'; id: number }
  | { type: 'stop' };

export type FromBackend =
  | { type: 'ready'; dataDir: string; demo: boolean; sharing: { url: string } | null }
  | { type: 'result'; id: number; result?: unknown; error?: WireError }
  | { type: 'pong'; id: number }
  | { type: 'event'; event: string; payload: unknown }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string }
  | { type: 'fatal'; message: string }
  | { type: 'stopped' };

/** One end of a message channel: Electron's parentPort / utilityProcess, or a Node child's process.send. */
export interface MessageEnd<In, Out> {
  post(msg: Out): void;
  onMessage(fn: (msg: In) => void): void;
}
