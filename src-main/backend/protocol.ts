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
  /** Decide desktop notifications here (patient names stay in the backend) and ask the shell to show them. */
  notifications?: boolean;
}

/** What "Copy diagnostics" reports about the backend: versions and paths, never patient data. */
export interface BackendFacts {
  node: string;
  sqlite: string;
  nativeBinding: string | null;
  dataDir: string;
  demo: boolean;
  sharing: string | null;
  pid: number;
  uptimeS: number;
  rssMb: number;
  /** `clinic-desk doctor` lines for this data folder. */
  doctor: string[];
  /** The last lines of the desk log (written redacted). */
  logTail: string[];
}

export type SessionAction = { action: 'info' } | { action: 'signIn'; name: string; password: string } | { action: 'signOut' };

export interface ShareOptions {
  host: string;
  port: number;
}

export type ToBackend =
  | { type: 'start'; options: BackendStart }
  /** A window's call: the backend decides who is calling from that window's desktop sign-in, never the shell. */
  | { type: 'call'; id: number; method: string; params: unknown; windowId: number }
  /** A window's desktop sign-in (info / signIn / signOut), answered with a 'result' like a call. */
  | { type: 'session'; id: number; windowId: number; action: SessionAction }
  | { type: 'ping'; id: number }
  /** The shell's window focus: desktop notifications only while the desk is in the background. */
  | { type: 'focus'; focused: boolean }
  /** Start (options) or stop (null) sharing the desk on the LAN. */
  | { type: 'share'; id: number; options: ShareOptions | null }
  | { type: 'diagnostics'; id: number }
  | { type: 'stop' };

export type FromBackend =
  | { type: 'ready'; dataDir: string; demo: boolean; sharing: { url: string } | null }
  | { type: 'result'; id: number; result?: unknown; error?: WireError }
  | { type: 'pong'; id: number }
  | { type: 'notify'; conversationId: number; title: string; message: string }
  | { type: 'shared'; id: number; url: string | null; error?: WireError }
  | { type: 'diagnostics'; id: number; facts: BackendFacts }
  | { type: 'event'; event: string; payload: unknown }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string }
  | { type: 'fatal'; message: string }
  | { type: 'stopped' };

/** One end of a message channel: Electron's parentPort / utilityProcess, or a Node child's process.send. */
export interface MessageEnd<In, Out> {
  post(msg: Out): void;
  onMessage(fn: (msg: In) => void): void;
}
