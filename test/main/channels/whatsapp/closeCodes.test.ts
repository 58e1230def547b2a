import { Boom } from '@hapi/boom';
import * as baileys from '@whiskeysockets/baileys';
import type { BinaryNode } from '@whiskeysockets/baileys';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_MACHINE } from '../../../../src-main/channels/whatsapp/connection/connectionMachine';
import type { WAVersion } from '../../../../src-main/channels/whatsapp/socket/socketPort';
import { WhatsAppAdapter } from '../../../../src-main/channels/whatsapp/whatsappAdapter';
import { aesGcmSecretBox } from '../../../../src-main/domain/shared/secretBox';
import { seededRandom } from '../../../../src-main/domain/shared/random';
import { DEFAULT_PACING } from '../../../../src-main/domain/whatsapp/pacing';
import type { WhatsAppSink } from '../../../../src-main/domain/whatsapp/whatsappPort';
import { FakeSocket } from './fakeSocket';
import { MemoryStore } from './memoryAuthStore';

/**
 * Each close is built the way Baileys 7.0.0-rc14 builds it (lib/Socket/socket.js handlers for
 * `CB:stream:error`, `CB:failure` and WebSocket errors, with lib/Utils/generics.js mapping the codes),
 * by calling rc14's own mapping functions on the nodes/errors the server and the network produce.
 */
const streamError = (node: BinaryNode): Boom => {
  const { reason, statusCode } = baileys.getErrorCodeFromStreamError(node);
  return new Boom(`Stream Errored (${reason})`, { statusCode, data: node });
};
const failure = (reason: string): Boom => new Boom('Connection Failure', { statusCode: +reason, data: { reason, location: 'vll' } });
const wsError = (message: string, code?: string): Boom => {
  const err = Object.assign(new Error(message), code ? { code } : {});
  return new Boom(`WebSocket Error (${message})`, { statusCode: baileys.getCodeFromWSError(err), data: err });
};

const CLOSES: { name: string; error: Boom; keys: 'kept' | 'wiped'; state: string; reason: string }[] = [
  // A TLS-intercepting proxy: the certificate error has no E… code, so rc14 reports 500.
  { name: 'TLS error through a proxy (500)', error: wsError('unable to verify the first certificate', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'), keys: 'kept', state: 'reconnecting', reason: 'stream_error' },
  { name: 'stream error without code (500)', error: streamError({ tag: 'stream:error', attrs: {}, content: [{ tag: 'xml-not-well-formed', attrs: {} }] }), keys: 'kept', state: 'reconnecting', reason: 'stream_error' },
  { name: 'stream error 515', error: streamError({ tag: 'stream:error', attrs: { code: '515' } }), keys: 'kept', state: 'reconnecting', reason: 'restart_required' },
  { name: 'conflict (440)', error: streamError({ tag: 'stream:error', attrs: {}, content: [{ tag: 'conflict', attrs: { type: 'replaced' } }] }), keys: 'kept', state: 'disconnected', reason: 'replaced' },
  { name: 'DNS failure (408)', error: wsError('getaddrinfo ENOTFOUND web.whatsapp.com', 'ENOTFOUND'), keys: 'kept', state: 'reconnecting', reason: 'connection_lost' },
  { name: 'failure 402', error: failure('402'), keys: 'kept', state: 'restricted', reason: 'client_refused' },
  { name: 'failure 401 (unlinked from the phone)', error: failure('401'), keys: 'wiped', state: 'logged_out', reason: 'logged_out' },
  { name: 'stream error 401', error: streamError({ tag: 'stream:error', attrs: { code: '401' } }), keys: 'wiped', state: 'logged_out', reason: 'logged_out' },
];

const sink: WhatsAppSink = { message: () => undefined, status: () => undefined, edit: () => undefined, revoke: () => undefined, reaction: () => undefined, missedCall: () => undefined, knows: () => false, sentText: () => null, mediaSettled: () => undefined };
const ME = { id: '393912345678:7@s.whatsapp.net', name: 'Studio' };

function setup(o: { fetchVersion?: () => Promise<WAVersion | null>; webVersion?: WAVersion | null } = {}) {
  const store = new MemoryStore();
  const sockets: FakeSocket[] = [];
  const versions: (WAVersion | undefined)[] = [];
  const adapter = new WhatsAppAdapter({
    sink,
    authStore: store,
    box: aesGcmSecretBox(Buffer.alloc(32, 5)),
    lib: async () => baileys,
    socketFactory: async ({ auth, version }) => {
      versions.push(version);
      const s = new FakeSocket(auth.creds);
      sockets.push(s);
      return s;
    },
    download: async () => Buffer.alloc(0),
    saveMedia: async (bytes, hint) => ({ sha256: 'a'.repeat(64), mime: hint.mime, size: bytes.length }),
    mediaPath: () => '/dev/null',
    clock: { now: () => Date.now() },
    random: seededRandom(3),
    pacing: () => DEFAULT_PACING,
    ledger: { sentSince: () => [], record: () => undefined },
    webVersion: () => o.webVersion ?? null,
    ...(o.fetchVersion ? { fetchVersion: o.fetchVersion } : {}),
  });
  const open = async (): Promise<FakeSocket> => {
    await adapter.start();
    const s = sockets.at(-1)!;
    s.emit('creds.update', { me: ME });
    // A paired desk has signal keys too: what the wipe would destroy.
    store.write([{ category: 'session', id: '393911111111.0', value: Buffer.from('sealed') }]);
    s.user = ME;
    s.emit('connection.update', { connection: 'open' });
    await vi.advanceTimersByTimeAsync(0);
    return s;
  };
  const close = async (s: FakeSocket, error: Boom): Promise<void> => {
    s.emit('connection.update', { connection: 'close', lastDisconnect: { error, date: new Date() } });
    await vi.advanceTimersByTimeAsync(0);
  };
  return { adapter, store, sockets, versions, open, close };
}

describe('close codes replayed from Baileys rc14', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it.each(CLOSES)('$name: keys $keys, state $state ($reason)', async (c) => {
    const t = setup();
    const s = await t.open();
    expect(t.store.rows.size).toBe(2);
    await t.close(s, c.error);
    expect(t.adapter.health()).toMatchObject({ state: c.state, reason: c.reason });
    expect(t.store.rows.size).toBe(c.keys === 'kept' ? 2 : 0);
    if (c.state === 'reconnecting') {
      await vi.advanceTimersByTimeAsync(DEFAULT_MACHINE.maxDelayMs);
      expect(t.sockets).toHaveLength(2);
    }
  });

  it('an explicit logout wipes the keys', async () => {
    const t = setup();
    const s = await t.open();
    await t.adapter.logout();
    expect(s.loggedOut).toBe(true);
    expect(t.store.rows.size).toBe(0);
  });

  it('a morning of 500s never unpairs: it backs off, gives up with the keys intact', async () => {
    const t = setup();
    await t.open();
    for (let i = 0; i <= DEFAULT_MACHINE.maxAttempts; i++) {
      await t.close(t.sockets.at(-1)!, streamError({ tag: 'stream:error', attrs: {} }));
      await vi.advanceTimersByTimeAsync(DEFAULT_MACHINE.maxDelayMs * 1.5);
    }
    expect(t.adapter.health()).toMatchObject({ state: 'disconnected', reason: 'gave_up' });
    expect(t.store.rows.size).toBe(2);
  });

  it('405 fetches the current WA Web version once and reconnects with it', async () => {
    const fetched: WAVersion = [2, 3000, 1027934701];
    const fetchVersion = vi.fn(async () => fetched);
    const t = setup({ fetchVersion });
    const s = await t.open();
    await t.close(s, failure('405'));
    expect(t.adapter.health()).toMatchObject({ state: 'reconnecting', reason: 'client_outdated' });
    await vi.advanceTimersByTimeAsync(DEFAULT_MACHINE.maxDelayMs);
    expect(fetchVersion).toHaveBeenCalledTimes(1);
    expect(t.versions).toEqual([undefined, fetched]);
    // Refused again with the fetched version: a clear stop with the keys kept, not ten blind retries.
    await t.close(t.sockets.at(-1)!, failure('405'));
    expect(t.adapter.health()).toMatchObject({ state: 'disconnected', reason: 'client_outdated' });
    expect(t.store.rows.size).toBe(2);
  });

  it('405 offline falls back to the version IT configured, and says so', async () => {
    const configured: WAVersion = [2, 3000, 1020000000];
    const t = setup({ fetchVersion: async () => null, webVersion: configured });
    const s = await t.open();
    await t.close(s, failure('405'));
    await vi.advanceTimersByTimeAsync(DEFAULT_MACHINE.maxDelayMs);
    expect(t.versions).toEqual([configured, configured]);
    expect(t.adapter.health().recentErrors.some((e) => e.message.includes('set it in Settings'))).toBe(true);
  });
});
