import type { UserFacingSocketConfig, WASocket } from '@whiskeysockets/baileys';
import { loadBaileys } from '../baileys';
import type { MediaDownloader, SocketFactory, SocketPort } from './socketPort';

type Logger = NonNullable<UserFacingSocketConfig['logger']>;

/** Baileys logs a lot at info level; only warnings and errors reach the health panel. */
function deskLogger(onLog: (level: 'warn' | 'error', message: string) => void): Logger {
  const text = (obj: unknown, msg?: string): string => msg ?? (obj instanceof Error ? obj.message : typeof obj === 'string' ? obj : JSON.stringify(obj));
  const logger: Logger = {
    level: 'warn',
    child: () => logger,
    trace: () => undefined,
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: (obj, msg) => onLog('error', text(obj, msg)),
  };
  return logger;
}

/** The socket that ships: Baileys' makeWASocket, tuned for a desk that shares the number with a phone. */
export const realSocketFactory: SocketFactory = async ({ auth, onLog }) => {
  const b = await loadBaileys();
  const logger = deskLogger(onLog);
  const sock: WASocket = b.makeWASocket({
    auth: { creds: auth.creds, keys: b.makeCacheableSignalKeyStore(auth.keys, logger) },
    logger,
    browser: b.Browsers.macOS('Desktop'),
    // Staying "offline" keeps notifications ringing on the receptionist's phone.
    markOnlineOnConnect: false,
    // Recent history only: what was missed while offline, not years of chats.
    syncFullHistory: false,
    // The desk's own sends are recorded by the outbox; echoing them would store them twice.
    emitOwnEvents: false,
    shouldIgnoreJid: (jid) => b.isJidBroadcast(jid) === true || b.isJidNewsletter(jid) === true,
  });
  const port: SocketPort = sock;
  return port;
};

export const realMediaDownloader: MediaDownloader = async (msg) => {
  const b = await loadBaileys();
  return b.downloadMediaMessage(msg, 'buffer', {});
};
