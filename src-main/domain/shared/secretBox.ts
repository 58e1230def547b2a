import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The one way secrets are kept at rest (WhatsApp auth keys, SMS provider credentials, the PBX AMI secret).
 * In the desktop app the OS key store (Electron safeStorage: DPAPI, Keychain, libsecret) seals them; it is
 * plugged in once by src-main/electron through `createApp({ osKeystore })`. Without it (`clinic-desk serve`)
 * the box is AES-256-GCM with a random 32-byte key in `<dataDir>/secrets.key` (0600): the database alone,
 * e.g. a copied backup, is useless without that file.
 *
 * Every sealed value starts with one byte naming the box that sealed it, so a value the current process
 * cannot open (sealed by the desktop's key store, read in host mode; key file lost) fails with a
 * `SecretUnreadableError` saying why, and callers turn it into "enter it again" / "pair again".
 */
export interface SecretBox {
  readonly kind: SecretBoxKind;
  seal(plain: string): Buffer;
  /** Throws when the data was not sealed by this box (wrong key, truncated, tampered). */
  open(sealed: Buffer): string;
}

export type SecretBoxKind = 'os-keystore' | 'file-key';

/** The shape of Electron's safeStorage, passed in by src-main/electron (the only importer of electron). */
export interface OsKeystore {
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

export class SecretUnreadableError extends Error {
  constructor(
    readonly sealedBy: SecretBoxKind | 'unknown',
    reason: string,
  ) {
    super(reason);
    this.name = 'SecretUnreadableError';
  }
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

/** The one key file in the data folder; IT backs it up together with the database. */
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

export function osKeystoreBox(safe: OsKeystore): SecretBox {
  return { kind: 'os-keystore', seal: (plain) => safe.encryptString(plain), open: (sealed) => safe.decryptString(sealed) };
}

/** First byte of every value sealed by `secretKeeper`: which box sealed it. */
const TAGS: Readonly<Record<SecretBoxKind, number>> = { 'os-keystore': 0x4f /* O */, 'file-key': 0x46 /* F */ };

/**
 * The box every area uses (`ctx.secrets`): seals with the OS key store when there is one, else with the
 * data folder's key file (created only when a first secret is sealed), and opens each value with the box
 * that sealed it.
 */
export function secretKeeper(dataDir: string, os: OsKeystore | null): SecretBox {
  let file: SecretBox | null = null;
  const fileBox = (): SecretBox => (file ??= fileSecretBox(dataDir));
  const sealWith = os ? osKeystoreBox(os) : null;
  return {
    kind: sealWith ? 'os-keystore' : 'file-key',
    seal(plain) {
      const box = sealWith ?? fileBox();
      return Buffer.concat([Buffer.from([TAGS[box.kind]]), box.seal(plain)]);
    },
    open(sealed) {
      const body = sealed.subarray(1);
      if (sealed[0] === TAGS['os-keystore']) {
        if (!sealWith) throw new SecretUnreadableError('os-keystore', 'sealed by the desktop app’s OS key store, which is not available here');
        try {
          return sealWith.open(body);
        } catch (err) {
          throw new SecretUnreadableError('os-keystore', `the OS key store cannot open it (${(err as Error).message})`);
        }
      }
      if (sealed[0] === TAGS['file-key']) {
        if (!file && !fs.existsSync(path.join(dataDir, SECRETS_KEY_FILE))) throw new SecretUnreadableError('file-key', `${SECRETS_KEY_FILE} is missing from the data folder`);
        try {
          return fileBox().open(body);
        } catch (err) {
          throw new SecretUnreadableError('file-key', `${SECRETS_KEY_FILE} does not open it (${(err as Error).message})`);
        }
      }
      throw new SecretUnreadableError('unknown', 'not a sealed secret');
    },
  };
}
