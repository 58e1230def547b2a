import * as baileys from '@whiskeysockets/baileys';
import { describe, expect, it } from 'vitest';
import { CorruptAuthStateError, loadAuthState, type AuthKeyValueStore } from '../../../../../src-main/channels/whatsapp/auth/authState';
import { MemoryStore } from '../memoryAuthStore';
import { aesGcmSecretBox } from '../../../../../src-main/domain/shared/secretBox';

const box = aesGcmSecretBox(Buffer.alloc(32, 3));
const load = (store: AuthKeyValueStore, onKeyError?: () => void) => loadAuthState({ store, box, lib: baileys, ...(onKeyError ? { onKeyError } : {}) });

describe('database auth state', () => {
  it('starts with fresh credentials, then round-trips creds and every key type with Buffers intact', async () => {
    const store = new MemoryStore();
    const first = load(store);
    expect(first.isPaired()).toBe(false);
    first.state.creds.me = { id: '393912345678:4@s.whatsapp.net', name: 'Studio Moretti' };
    first.saveCreds();
    const preKey = baileys.Curve.generateKeyPair();
    await first.state.keys.set({
      'pre-key': { '1': preKey },
      session: { '393471234567.0': new Uint8Array([1, 2, 3, 250]) },
      'app-state-sync-key': { AAAAAP7x: { keyData: new Uint8Array([9, 8, 7]), timestamp: 1763888000 } },
      'lid-mapping': { '393471234567': '217340981234567' },
    });

    const again = load(store);
    expect(again.isPaired()).toBe(true);
    expect(Buffer.from(again.state.creds.noiseKey.private)).toEqual(Buffer.from(first.state.creds.noiseKey.private));
    expect(again.state.creds.registrationId).toBe(first.state.creds.registrationId);
    const keys = await again.state.keys.get('pre-key', ['1', '2']);
    expect(Buffer.from(keys['1']!.public)).toEqual(Buffer.from(preKey.public));
    expect(keys['2']).toBeUndefined();
    expect(Buffer.from((await again.state.keys.get('session', ['393471234567.0']))['393471234567.0']!)).toEqual(Buffer.from([1, 2, 3, 250]));
    const sync = (await again.state.keys.get('app-state-sync-key', ['AAAAAP7x']))['AAAAAP7x']!;
    expect(sync).toBeInstanceOf(baileys.proto.Message.AppStateSyncKeyData);
    expect(await again.state.keys.get('lid-mapping', ['393471234567'])).toEqual({ '393471234567': '217340981234567' });
  });

  it('writes a keys.set batch as one transactional write, deletions included', async () => {
    const store = new MemoryStore();
    const auth = load(store);
    await auth.state.keys.set({ 'pre-key': { '1': baileys.Curve.generateKeyPair(), '2': baileys.Curve.generateKeyPair() } });
    await auth.state.keys.set({ 'pre-key': { '1': null }, session: { a: new Uint8Array([1]) } });
    expect(store.writes.map((w) => w.length)).toEqual([2, 2]);
    expect(store.writes[1]!.find((r) => r.id === '1')!.value).toBeNull();
    expect(Object.keys(await auth.state.keys.get('pre-key', ['1', '2']))).toEqual(['2']);
  });

  it('stores nothing in clear text', () => {
    const store = new MemoryStore();
    const auth = load(store);
    auth.state.creds.me = { id: '393912345678:4@s.whatsapp.net' };
    auth.saveCreds();
    for (const v of store.rows.values()) expect(v.toString('latin1')).not.toContain('393912345678');
  });

  it('turns unreadable credentials into a "pair again" error, not a crash', () => {
    const store = new MemoryStore();
    store.rows.set('creds/creds', Buffer.from('{"noiseKey": truncated'));
    expect(() => load(store)).toThrow(CorruptAuthStateError);
    const wrongKey = new MemoryStore();
    wrongKey.rows.set('creds/creds', aesGcmSecretBox(Buffer.alloc(32, 9)).seal('{}'));
    expect(() => load(wrongKey)).toThrow(/pair the phone again/);
    const incomplete = new MemoryStore();
    incomplete.rows.set('creds/creds', box.seal('{"registered":true}'));
    expect(() => load(incomplete)).toThrow(CorruptAuthStateError);
  });

  it('treats one unreadable key as missing and reports it', async () => {
    const store = new MemoryStore();
    const errors: string[] = [];
    const auth = loadAuthState({ store, box, lib: baileys, onKeyError: (c, id) => errors.push(`${c}/${id}`) });
    await auth.state.keys.set({ session: { good: new Uint8Array([1]), bad: new Uint8Array([2]) } });
    store.rows.set('session/bad', Buffer.from('rubbish'));
    expect(Object.keys(await auth.state.keys.get('session', ['good', 'bad']))).toEqual(['good']);
    expect(errors).toEqual(['session/bad']);
  });
});
