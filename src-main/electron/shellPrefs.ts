import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** This PC account's choices for the desktop shell (not the clinic's settings, which live in its database). */
export const shellPrefsSchema = z.object({
  profile: z.enum(['real', 'demo']).default('real'),
  /** Start at login; on by default for the main desk (absent = default). */
  startAtLogin: z.boolean().optional(),
  share: z.object({ enabled: z.boolean(), port: z.number().int().min(1).max(65535).default(4780) }).optional(),
  /** A second desk: the main desk's address and login; the password sealed by the OS key store (base64). */
  /** `fingerprint256`: the SHA-256 fingerprint of the main desk's own (self-signed) TLS certificate the user confirmed. */
  mainDesk: z.object({ url: z.string().url(), user: z.string().min(1), sealedPassword: z.string(), fingerprint256: z.string().optional() }).optional(),
});
export type ShellPrefs = z.infer<typeof shellPrefsSchema>;

export function readShellPrefs(dir: string): ShellPrefs {
  try {
    return shellPrefsSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'shell.json'), 'utf8')));
  } catch {
    return shellPrefsSchema.parse({});
  }
}

export function writeShellPrefs(dir: string, prefs: ShellPrefs): void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'shell.json');
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(prefs, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}
