import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { OsKeystore } from '../domain/shared/secretBox';

export const DESK_KEY_FILE = 'desk.key.sealed';

/**
 * The backend runs in a utility process without Electron's safeStorage, so the shell unwraps one random
 * 32-byte key sealed by the OS key store (DPAPI, Keychain, libsecret) and hands it to the backend, which
 * seals every secret with it. A copied data folder is useless without this PC's (and user's) key store.
 * Returns null when the key store cannot open the file (another PC or account): secrets then read as
 * "enter again" and the file key takes over, nothing crashes.
 */
export function unwrapDeskKey(dataDir: string, keystore: OsKeystore): string | null {
  const file = path.join(dataDir, DESK_KEY_FILE);
  if (fs.existsSync(file)) {
    try {
      return keystore.decryptString(fs.readFileSync(file));
    } catch {
      return null;
    }
  }
  const key = randomBytes(32).toString('base64');
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, keystore.encryptString(key), { mode: 0o600, flag: 'wx' });
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return unwrapDeskKey(dataDir, keystore);
  }
}
