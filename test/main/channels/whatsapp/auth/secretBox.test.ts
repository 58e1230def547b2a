import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aesGcmBox, fileKeyBox, KEY_FILE, osKeystoreBox } from '../../../../../src-main/channels/whatsapp/auth/secretBox';

describe('secret boxes', () => {
  it('seals with AES-256-GCM: no plaintext on disk, tampering detected, wrong key refused', () => {
    const box = aesGcmBox(Buffer.alloc(32, 7));
    const sealed = box.seal('{"noiseKey":"secret"}');
    expect(sealed.toString('latin1')).not.toContain('secret');
    expect(box.open(sealed)).toBe('{"noiseKey":"secret"}');
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => box.open(tampered)).toThrow();
    expect(() => aesGcmBox(Buffer.alloc(32, 8)).open(sealed)).toThrow();
    expect(() => box.open(Buffer.from('garbage'))).toThrow(/not a sealed/);
  });

  it('host mode creates one private key file in the data directory and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-box-'));
    const sealed = fileKeyBox(dir).seal('hello');
    const stat = fs.statSync(path.join(dir, KEY_FILE));
    expect(stat.size).toBe(32);
    if (process.platform !== 'win32') expect(stat.mode & 0o777).toBe(0o600);
    expect(fileKeyBox(dir).open(sealed)).toBe('hello');
  });

  it('wraps an OS key store (Electron safeStorage shape)', () => {
    const safe = { encryptString: (s: string) => Buffer.from(s).reverse(), decryptString: (b: Buffer) => Buffer.from(b).reverse().toString() };
    const box = osKeystoreBox(safe);
    expect(box.kind).toBe('os-keystore');
    expect(box.open(box.seal('creds'))).toBe('creds');
  });
});
