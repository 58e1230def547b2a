import type { UserFacingSocketConfig, WASocket } from '@whiskeysockets/baileys';
import { loadBaileys } from '../baileys';
import { downloadWithReupload } from './mediaDownload';
import type { MediaDownloader, SocketFactory, SocketPort, VersionFetcher } from './socketPort';

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
export const realSocketFactory: SocketFactory = async ({ auth, onLog, version, getMessage, msgRetryCounterCache }) => {
  const b = await loadBaileys();
  const logger = deskLogger(onLog);
  const sock: WASocket = b.makeWASocket({
    auth: { creds: auth.creds, keys: b.makeCacheableSignalKeyStore(auth.keys, logger) },
    logger,
    ...(version ? { version } : {}),
    browser: b.Browsers.macOS('Desktop'),
    // Staying "offline" keeps notifications ringing on the receptionist's phone.
    markOnlineOnConnect: false,
    // Recent history only: what was missed while offline, not years of chats.
    syncFullHistory: false,
    // The desk's own sends are recorded by the outbox; echoing them would store them twice.
    emitOwnEvents: false,
    // A phone that cannot decrypt one of our messages asks for it again; without these Baileys has
    // nothing to resend and the patient sees "Waiting for this message" (lib/Socket/messages-recv.js sendMessagesAgain).
    getMessage,
    msgRetryCounterCache,
    shouldIgnoreJid: (jid) => b.isJidBroadcast(jid) === true || b.isJidNewsletter(jid) === true,
  });
  const port: SocketPort = sock;
  return port;
};

export const realMediaDownloader: MediaDownloader = async (msg, sock) => {
  const b = await loadBaileys();
  return downloadWithReupload(msg, (m) => b.downloadMediaMessage(m, 'buffer', {}), (m) => sock.updateMediaMessage(m));
};

/**
 * Baileys rc14's fetchLatestWaWebVersion (lib/Utils/generics.js) reads `client_revision` from
 * web.whatsapp.com/sw.js and never throws: offline it returns the bundled version with isLatest false.
 * Its options go straight to fetch(), so an AbortSignal bounds the wait on a filtered network.
 */
export const realVersionFetcher: VersionFetcher = async () => {
  const b = await loadBaileys();
  const r = await b.fetchLatestWaWebVersion({ signal: AbortSignal.timeout(8_000) });
  return r.isLatest ? [r.version[0]!, r.version[1]!, r.version[2]!] : null;
};
