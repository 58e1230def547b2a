import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Encryption at rest for the WhatsApp keys. In the desktop app the box is backed by Electron
 * safeStorage (DPAPI on Windows, Keychain on macOS, libsecret on Linux), injected from
 * src-main/electron. In host mode (`clinic-desk serve`, no OS key store) the fallback is
 * AES-256-GCM with a random 32-byte key in `<dataDir>/whatsapp-auth.key` (mode 0600): the database
 * alone, e.g. a copied backup, is then useless without that file.
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

export function aesGcmBox(key: Buffer): SecretBox {
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
      if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) throw new Error('not a sealed WhatsApp auth record');
      const iv = sealed.subarray(1, 1 + IV_BYTES);
      const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}

export const KEY_FILE = 'whatsapp-auth.key';

/** The host-mode box: reads the key file, creating it (0600, exclusive) on first use. */
export function fileKeyBox(dataDir: string): SecretBox {
  const file = path.join(dataDir, KEY_FILE);
  let key: Buffer;
  try {
    key = fs.readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    key = randomBytes(32);
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
  }
  return aesGcmBox(key);
}

/** Adapts Electron's safeStorage (passed in by src-main/electron, which alone may import electron). */
export function osKeystoreBox(safe: { encryptString(s: string): Buffer; decryptString(b: Buffer): string }): SecretBox {
  return { kind: 'os-keystore', seal: (plain) => safe.encryptString(plain), open: (sealed) => safe.decryptString(sealed) };
}
