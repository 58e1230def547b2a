import type { OsKeystore } from '../../../../src-main/domain/shared/secretBox';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { WAMessage } from '@whiskeysockets/baileys';
import { vi } from 'vitest';
import { areas } from '../../../../src-main/app/areas';
import { createApp, type App } from '../../../../src-main/app/createApp';
import { createWhatsAppLink } from '../../../../src-main/channels/whatsapp/whatsappChannel';
import type { WhatsAppStatus } from '../../../../src-main/contract/whatsapp';
import { createWhatsAppArea } from '../../../../src-main/domain/whatsapp/whatsappArea';
import type { WhatsAppChannelLink } from '../../../../src-main/domain/whatsapp/whatsappPort';
import { FakeSocket, upserts } from '../../channels/whatsapp/fakeSocket';

/**
 * A real desk (database, outbox, every area) whose WhatsApp link is the shipping adapter built by
 * createWhatsAppLink, with only the socket replaced by a fake that emits Baileys' recorded event shapes.
 */
export const ME = { id: '393912345678:7@s.whatsapp.net', name: 'Studio Dentistico Moretti' };

/** The first bytes each attachment type really starts with (the media store sniffs them). */
function bytesFor(msg: WAMessage): Buffer {
  const m = msg.message ?? {};
  if (m.imageMessage) return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
  if (m.audioMessage) return Buffer.concat([Buffer.from('OggS'), Buffer.alloc(200, 3)]);
  return Buffer.from('%PDF-1.7\n% referto di prova\n');
}

export interface WaDesk {
  app: App;
  dataDir: string;
  sockets: FakeSocket[];
  last(): FakeSocket;
  status(): Promise<WhatsAppStatus>;
  /** Pairs (or reconnects) and lets the socket open, as Baileys does after a scan. */
  open(): Promise<FakeSocket>;
  upsert(s: FakeSocket, name: string, type?: 'append' | 'notify'): Promise<void>;
  settle(): Promise<void>;
  count(sql: string, ...args: unknown[]): number;
}

export async function startWaDesk(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-desk-')), opts: { oneShot?: boolean; osKeystore?: OsKeystore } = {}): Promise<WaDesk> {
  const sockets: FakeSocket[] = [];
  const links: WhatsAppChannelLink[] = [];
  const area = createWhatsAppArea((deps) => {
    const link = createWhatsAppLink(deps, {
      socketFactory: async ({ auth, getMessage, msgRetryCounterCache }) => {
        const s = new FakeSocket(auth.creds, { getMessage, msgRetryCounterCache });
        sockets.push(s);
        return s;
      },
      download: async (msg) => bytesFor(msg),
    });
    links.push(link);
    return link;
  });
  const app = await createApp({
    dataDir,
    areas: [...areas.filter((a) => a.name !== 'whatsapp'), area],
    clock: { now: () => Date.now() },
    backups: false,
    ...(opts.oneShot ? { startOutbox: false } : {}),
    ...(opts.osKeystore ? { osKeystore: opts.osKeystore } : {}),
  });
  const settle = async (): Promise<void> => {
    await vi.advanceTimersByTimeAsync(0);
    // Media goes through real file I/O: wait for the adapter to hand everything to the domain.
    for (const l of links) await l.settled?.();
    await vi.advanceTimersByTimeAsync(0);
  };
  const last = (): FakeSocket => sockets.at(-1)!;
  return {
    app,
    dataDir,
    sockets,
    last,
    status: () => app.call('whatsapp.status', {}) as Promise<WhatsAppStatus>,
    async open() {
      await app.call('whatsapp.pair', {});
      const s = last();
      if (!app.ctx.db.prepare("SELECT 1 FROM whatsapp_auth WHERE category = 'creds'").get()) s.emit('creds.update', { me: ME });
      s.user = ME;
      s.emit('connection.update', { connection: 'open' });
      await settle();
      return s;
    },
    async upsert(s, name, type) {
      const u = structuredClone(upserts[name]!);
      s.emit('messages.upsert', type ? { ...u, type } : u);
      await settle();
    },
    settle,
    count: (sql, ...args) => (app.ctx.db.prepare(sql).get(...args) as { n: number }).n,
  };
}
