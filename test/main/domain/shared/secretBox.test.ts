import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  aesGcmSecretBox,
  fileSecretBox,
  osKeystoreBox,
  secretKeeper,
  SECRETS_KEY_FILE,
  SecretUnreadableError,
} from '../../../../src-main/domain/shared/secretBox';

const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'secret-box-'));
/** Electron safeStorage's shape, with a reversible stand-in for the OS cipher. */
const fakeSafeStorage = { encryptString: (s: string) => Buffer.from(s).reverse(), decryptString: (b: Buffer) => Buffer.from(b).reverse().toString() };

describe('secret boxes', () => {
  it('seals with AES-256-GCM: no plaintext on disk, tampering detected, wrong key refused', () => {
    const box = aesGcmSecretBox(Buffer.alloc(32, 7));
    const sealed = box.seal('{"noiseKey":"secret"}');
    expect(sealed.toString('latin1')).not.toContain('secret');
    expect(box.open(sealed)).toBe('{"noiseKey":"secret"}');
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => box.open(tampered)).toThrow();
    expect(() => aesGcmSecretBox(Buffer.alloc(32, 8)).open(sealed)).toThrow();
    expect(() => box.open(Buffer.from('garbage'))).toThrow(/not a sealed/);
  });

  it('host mode creates one private key file in the data directory and reuses it', () => {
    const dir = tmp();
    const sealed = fileSecretBox(dir).seal('hello');
    const stat = fs.statSync(path.join(dir, SECRETS_KEY_FILE));
    expect(stat.size).toBe(32);
    if (process.platform !== 'win32') expect(stat.mode & 0o777).toBe(0o600);
    expect(fileSecretBox(dir).open(sealed)).toBe('hello');
  });

  it('wraps an OS key store (Electron safeStorage shape)', () => {
    const box = osKeystoreBox(fakeSafeStorage);
    expect(box.kind).toBe('os-keystore');
    expect(box.open(box.seal('creds'))).toBe('creds');
  });
});

describe('secretKeeper (ctx.secrets)', () => {
  it('seals with the OS key store when there is one and writes no key file', () => {
    const dir = tmp();
    const keeper = secretKeeper(dir, fakeSafeStorage);
    expect(keeper.kind).toBe('os-keystore');
    expect(keeper.open(keeper.seal('ami-pass'))).toBe('ami-pass');
    expect(fs.existsSync(path.join(dir, SECRETS_KEY_FILE))).toBe(false);
  });

  it('without a key store it uses the one key file, created on the first seal only', () => {
    const dir = tmp();
    const keeper = secretKeeper(dir, null);
    expect(keeper.kind).toBe('file-key');
    expect(fs.existsSync(path.join(dir, SECRETS_KEY_FILE))).toBe(false);
    const sealed = keeper.seal('token');
    expect(fs.readdirSync(dir)).toEqual([SECRETS_KEY_FILE]);
    expect(secretKeeper(dir, null).open(sealed)).toBe('token');
  });

  it('opens each value with the box that sealed it, whichever box seals new values', () => {
    const dir = tmp();
    const fromHost = secretKeeper(dir, null).seal('sealed in host mode');
    const desktop = secretKeeper(dir, fakeSafeStorage);
    expect(desktop.open(fromHost)).toBe('sealed in host mode');
  });

  it.each([
    ['a desktop value read in host mode', () => secretKeeper(tmp(), fakeSafeStorage).seal('x'), (dir: string) => secretKeeper(dir, null), 'os-keystore', /OS key store/],
    ['a value whose key file was lost', (dir: string) => { const v = secretKeeper(dir, null).seal('x'); fs.rmSync(path.join(dir, SECRETS_KEY_FILE)); return v; }, (dir: string) => secretKeeper(dir, null), 'file-key', /missing/],
    ['a value whose key file was replaced', (dir: string) => { const v = secretKeeper(dir, null).seal('x'); fs.writeFileSync(path.join(dir, SECRETS_KEY_FILE), Buffer.alloc(32, 1)); return v; }, (dir: string) => secretKeeper(dir, null), 'file-key', /does not open/],
    ['garbage', () => Buffer.from('plain text'), (dir: string) => secretKeeper(dir, null), 'unknown', /not a sealed/],
  ] as const)('says clearly why %s cannot be opened', (_name, seal, reader, sealedBy, message) => {
    const dir = tmp();
    const sealed = seal(dir);
    let caught: unknown;
    try {
      reader(dir).open(sealed);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(SecretUnreadableError);
    expect((caught as SecretUnreadableError).sealedBy).toBe(sealedBy);
    expect((caught as Error).message).toMatch(message);
  });
});
