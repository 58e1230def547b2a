import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Encryption at rest for channel secrets (SMS provider tokens and passwords). Host mode has no OS key
 * store, so the box is AES-256-GCM with a random 32-byte key in `<dataDir>/secrets.key` (mode 0600):
 * the database alone, e.g. a copied backup, does not reveal the tokens. The desktop shell may inject an
 * OS-keystore box with the same interface.
 */
export interface SecretBox {
  readonly kind: 'os-keystore' | 'file-key';
  seal(plain: string): Buffer;
  /** Throws when the data was not sealed by this box (wrong key, truncated, tampered). */
  open(sealed: Buffer): string;
}

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function aesGcmSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('An AES-256 key is 32 bytes');
  return {
    kind: 'file-key',
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    },
    open(sealed) {
      if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) throw new Error('not a sealed secret');
      const iv = sealed.subarray(1, 1 + IV_BYTES);
      const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}

export const SECRETS_KEY_FILE = 'secrets.key';

/** Reads `<dataDir>/secrets.key`, creating it (0600, exclusive) on first use. */
export function fileSecretBox(dataDir: string): SecretBox {
  const file = path.join(dataDir, SECRETS_KEY_FILE);
  let key: Buffer;
  try {
    key = fs.readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    key = randomBytes(32);
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
    } catch (e) {
      // Another process created it first: use theirs.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      key = fs.readFileSync(file);
    }
  }
  return aesGcmSecretBox(key);
}
