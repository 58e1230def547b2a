import fs from 'node:fs';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import { createStream } from 'rotating-file-stream';

export const LOG_FILE = 'desk.log';
export const logsDir = (dataDir: string): string => path.join(dataDir, 'logs');

/** Keys that may hold patient data or secrets wherever they appear in a logged object. */
export const REDACTED_KEYS = ['phone', 'number', 'body', 'text', 'firstName', 'lastName', 'patientName', 'name', 'notes', 'email', 'password', 'token', 'secret', 'params', 'payload', 'content'];

/**
 * Free text can carry patient data too (an error quoting a phone number or an address): numbers of 7+
 * digits, e-mail addresses and WhatsApp ids are masked before a line is written.
 */
export function scrub(text: string): string {
  return text
    .replace(/\+?\d[\d\s().-]{5,}\d(@s\.whatsapp\.net)?/g, (m) =>
      // Dates (2026-11-29 10:05) are not phone numbers.
      /^\d{4}-\d\d-\d\d/.test(m) || m.replace(/@.*$/, '').replace(/\D/g, '').length < 7 ? m : '[number]',
    )
    .replace(/[\w.+-]+@[\w-]+\.[\w.-]+/g, '[email]');
}

export interface DeskLog {
  log: Logger;
  file: string;
  close(): Promise<void>;
}

/**
 * The desk's log: JSON lines in <data>/logs/desk.log, rotated at 5 MB (10 files kept), patient data redacted
 * by key (REDACTED_KEYS, any depth up to two levels) and scrubbed from free text.
 */
export function createLogger(dataDir: string, process_: string, opts: { size?: string; maxFiles?: number } = {}): DeskLog {
  const dir = logsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const stream = createStream(LOG_FILE, { path: dir, size: opts.size ?? '5M', maxFiles: opts.maxFiles ?? 10 });
  const paths = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);
  const log = pino(
    {
      base: { proc: process_, pid: process.pid },
      redact: { paths, censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? scrub(a) : a)) as Parameters<typeof method>);
        },
      },
      formatters: { log: (obj) => (obj.err instanceof Error ? { ...obj, err: { type: obj.err.name, message: scrub(obj.err.message), stack: scrub(obj.err.stack ?? '') } } : obj) },
    },
    stream,
  );
  return {
    log,
    file: path.join(dir, LOG_FILE),
    close: () => new Promise((resolve) => stream.end(() => resolve())),
  };
}

/** The last lines of the current log, for "Copy diagnostics" (already redacted when written). */
export function lastLogLines(dataDir: string, n = 50): string[] {
  try {
    const text = fs.readFileSync(path.join(logsDir(dataDir), LOG_FILE), 'utf8');
    return text.trimEnd().split('\n').slice(-n);
  } catch {
    return [];
  }
}
