import type { AuthKeyValueStore, WhatsAppChannelLink, WhatsAppLinkDeps } from '../../domain/whatsapp/whatsappPort';
import { fileKeyBox, osKeystoreBox, type SecretBox } from './auth/secretBox';
import { loadBaileys } from './baileys';
import type { MachineConfig } from './connection/connectionMachine';
import type { StaleConfig } from './connection/staleWatch';
import { realMediaDownloader, realSocketFactory } from './socket/realSocket';
import type { MediaDownloader, SocketFactory } from './socket/socketPort';
import { WhatsAppAdapter, type Timers } from './whatsappAdapter';

/**
 * Builds the WhatsApp link that ships: the adapter over Baileys' real socket, its auth state in the
 * database sealed by the OS key store (desktop app) or the desk's key file (host mode). Tests pass a
 * fake socket factory at the same boundary; nothing else differs.
 */

export interface OsKeystore {
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

let osKeystore: OsKeystore | null = null;

/** Called by src-main/electron once the app is ready, when Electron's safeStorage can encrypt. */
export function useOsKeystoreForWhatsApp(safe: OsKeystore | null): void {
  osKeystore = safe;
}

type BoxKind = SecretBox['kind'];
const BOX_ROW = { category: '_desk', id: 'box' } as const;

/**
 * The box that sealed the stored credentials, else the best one available. Credentials sealed by the
 * OS key store cannot be opened in host mode: the adapter then reports "pair again" (corrupt_auth).
 */
export function chooseBox(store: AuthKeyValueStore, dataDir: string, os: OsKeystore | null): SecretBox {
  const stored = store.read(BOX_ROW.category, [BOX_ROW.id]).get(BOX_ROW.id)?.toString('utf8') as BoxKind | undefined;
  const kind: BoxKind = stored === 'os-keystore' && os ? 'os-keystore' : stored === 'file-key' || !os ? 'file-key' : 'os-keystore';
  return kind === 'os-keystore' && os ? osKeystoreBox(os) : fileKeyBox(dataDir);
}

/** Every write also records which box sealed it, so the next start opens it with the same one. */
function labelled(store: AuthKeyValueStore, kind: BoxKind): AuthKeyValueStore {
  const label = { ...BOX_ROW, value: Buffer.from(kind, 'utf8') };
  return { read: (c, ids) => store.read(c, ids), write: (records) => store.write([...records, label]), clear: () => store.clear() };
}

export interface LinkOverrides {
  socketFactory?: SocketFactory;
  download?: MediaDownloader;
  timers?: Timers;
  machine?: MachineConfig;
  stale?: StaleConfig;
  os?: OsKeystore | null;
}

export function createWhatsAppLink(d: WhatsAppLinkDeps, o: LinkOverrides = {}): WhatsAppChannelLink {
  const box = chooseBox(d.authStore, d.dataDir, o.os !== undefined ? o.os : osKeystore);
  return new WhatsAppAdapter({
    sink: d.sink,
    authStore: labelled(d.authStore, box.kind),
    box,
    lib: loadBaileys,
    socketFactory: o.socketFactory ?? realSocketFactory,
    download: o.download ?? realMediaDownloader,
    saveMedia: (bytes, hint) => d.saveMedia(bytes, { mime: hint.mime, fileName: hint.fileName }),
    mediaPath: d.mediaPath,
    clock: d.clock,
    random: d.random,
    pacing: d.pacing,
    ledger: d.ledger,
    includeGroups: d.includeGroups,
    initialHealth: d.initialHealth,
    ...(o.timers ? { timers: o.timers } : {}),
    ...(o.machine ? { machine: o.machine } : {}),
    ...(o.stale ? { stale: o.stale } : {}),
  });
}
