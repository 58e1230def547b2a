import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as baileys from '@whiskeysockets/baileys';
import { describe, expect, it } from 'vitest';
import { loadAuthState } from '../../../../../src-main/channels/whatsapp/auth/authState';
import { fileSecretBox, SECRETS_KEY_FILE } from '../../../../../src-main/domain/shared/secretBox';
import { openDatabase, type Db } from '../../../../../src-main/db/database';
import { clearAuth, readAuth, writeAuth } from '../../../../../src-main/db/repositories/whatsappAuth';
import type { AuthKeyValueStore } from '../../../../../src-main/domain/whatsapp/whatsappPort';

/** The store the app uses: the whatsapp_auth table (migration 003) through its repository. */
const tableStore = (db: Db): AuthKeyValueStore => ({
  read: (category, ids) => readAuth(db, category, ids),
  write: (records) => writeAuth(db, records, 1_763_888_000_000),
  clear: () => clearAuth(db),
});

describe('WhatsApp auth state in the database, sealed with the host-mode key file', () => {
  it('round-trips credentials and signal keys through a closed and reopened database; nothing readable at rest', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-auth-'));
    const file = path.join(dir, 'clinic-desk.sqlite3');
    let db = openDatabase(file);
    const first = loadAuthState({ store: tableStore(db), box: fileSecretBox(dir), lib: baileys });
    first.state.creds.me = { id: '393912345678:4@s.whatsapp.net', name: 'Studio Moretti' };
    first.saveCreds();
    const preKey = baileys.Curve.generateKeyPair();
    await first.state.keys.set({ 'pre-key': { '7': preKey }, session: { '393471234567.0': new Uint8Array([1, 2, 3, 250]) } });
    await first.state.keys.set({ session: { '393471234567.0': null } });
    db.close();

    expect(fs.statSync(path.join(dir, SECRETS_KEY_FILE)).mode & 0o777).toBe(0o600);
    db = openDatabase(file);
    const rows = db.prepare('SELECT category, id, value FROM whatsapp_auth ORDER BY category').all() as { category: string; id: string; value: Buffer }[];
    expect(rows.map((r) => `${r.category}/${r.id}`)).toEqual(['creds/creds', 'pre-key/7']);
    for (const r of rows) expect(r.value.toString('latin1')).not.toMatch(/noiseKey|Studio Moretti|"public"/);

    const again = loadAuthState({ store: tableStore(db), box: fileSecretBox(dir), lib: baileys });
    expect(again.isPaired()).toBe(true);
    expect(again.state.creds.registrationId).toBe(first.state.creds.registrationId);
    const keys = await again.state.keys.get('pre-key', ['7']);
    expect(Buffer.from(keys['7']!.private)).toEqual(Buffer.from(preKey.private));
    expect(await again.state.keys.get('session', ['393471234567.0'])).toEqual({});
    db.close();
  });

  it('writes a key batch all or nothing', () => {
    const db = openDatabase(':memory:');
    writeAuth(db, [{ category: 'pre-key', id: '1', value: Buffer.from('a') }], 1);
    // The last record breaks a NOT NULL: the earlier ones of the same batch must not land, nor the deletion.
    const batch = [
      { category: 'pre-key', id: '1', value: null },
      { category: 'pre-key', id: '2', value: Buffer.from('b') },
      { category: null as unknown as string, id: '3', value: Buffer.from('c') },
    ];
    expect(() => writeAuth(db, batch, 2)).toThrow(/NOT NULL/);
    expect([...readAuth(db, 'pre-key', ['1', '2']).keys()]).toEqual(['1']);
    db.close();
  });
});
