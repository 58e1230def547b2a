import type { WhatsAppChannelLink, WhatsAppLinkDeps } from '../../domain/whatsapp/whatsappPort';
import { loadBaileys } from './baileys';
import type { MachineConfig } from './connection/connectionMachine';
import type { StaleConfig } from './connection/staleWatch';
import { realMediaDownloader, realSocketFactory, realVersionFetcher } from './socket/realSocket';
import type { MediaDownloader, SocketFactory, VersionFetcher } from './socket/socketPort';
import type { Timers } from '../../domain/shared/timers';
import { WhatsAppAdapter } from './whatsappAdapter';

/**
 * Builds the WhatsApp link that ships: the adapter over Baileys' real socket, its auth state in the
 * database sealed by the desk's one secret box (`deps.secrets`: the OS key store in the desktop app, else
 * the data folder's key file). Each sealed value names its box, so credentials the current process cannot
 * open make the adapter report "pair again" (corrupt_auth). Tests pass a fake socket factory at the same
 * boundary; nothing else differs.
 */

export interface LinkOverrides {
  socketFactory?: SocketFactory;
  download?: MediaDownloader;
  fetchVersion?: VersionFetcher;
  timers?: Timers;
  machine?: MachineConfig;
  stale?: StaleConfig;
}

export function createWhatsAppLink(d: WhatsAppLinkDeps, o: LinkOverrides = {}): WhatsAppChannelLink {
  return new WhatsAppAdapter({
    sink: d.sink,
    authStore: d.authStore,
    box: d.secrets,
    lib: loadBaileys,
    socketFactory: o.socketFactory ?? realSocketFactory,
    download: o.download ?? realMediaDownloader,
    saveMedia: (bytes, hint) => d.saveMedia(bytes, { mime: hint.mime, fileName: hint.fileName }),
    mediaPath: d.mediaPath,
    clock: d.clock,
    random: d.random,
    pacing: d.pacing,
    ledger: d.ledger,
    ...(d.retryState ? { retryState: d.retryState } : {}),
    includeGroups: d.includeGroups,
    webVersion: d.webVersion,
    fetchVersion: o.fetchVersion ?? realVersionFetcher,
    initialHealth: d.initialHealth,
    ...(o.timers ? { timers: o.timers } : {}),
    ...(o.machine ? { machine: o.machine } : {}),
    ...(o.stale ? { stale: o.stale } : {}),
  });
}
