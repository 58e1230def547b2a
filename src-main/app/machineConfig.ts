import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The machine-wide configuration file IT deploys (GPO, MDM, a script after `msiexec`). Every key is
 * optional; a key that is absent leaves the app's own default. Documented in README → IT.
 */
export const machineConfigSchema = z
  .object({
    /** Where the clinic's database, media, backups and logs live (absolute path; %VAR% / ~ expanded). */
    dataDir: z.string().min(1).optional(),
    /** The desktop app shares the desk on the LAN when it starts (the main desk). */
    share: z
      .object({
        enabled: z.boolean(),
        host: z.string().min(1).default('0.0.0.0'),
        port: z.number().int().min(1).max(65535).default(4780),
      })
      .optional(),
    /** The UI language the desk starts in before a user picks one. */
    language: z.enum(['it', 'pl', 'en']).optional(),
    /** Which updates this PC takes: stable, beta, or off (IT rolls out by hand). */
    updateChannel: z.enum(['stable', 'beta', 'off']).optional(),
    /** A second desk: the address of the main desk to connect to instead of opening a local clinic. */
    mainDesk: z.string().url().optional(),
  })
  .strict();
export type MachineConfig = z.infer<typeof machineConfigSchema>;

export const CONFIG_FILE_NAME = 'clinic-desk.config.json';

/**
 * Where the machine-wide file lives on each OS: readable by every account of the PC, writable only by
 * administrators. Windows: its own `Config` folder, which the MSI creates with a protected ACL (SYSTEM and
 * Administrators full, Users read), because the data folder around it is Users: Modify.
 */
export function machineConfigPath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  if (platform === 'win32') return path.win32.join(env.PROGRAMDATA ?? 'C:\\ProgramData', 'Clinic Desk', 'Config', CONFIG_FILE_NAME);
  if (platform === 'darwin') return path.posix.join('/Library/Application Support/Clinic Desk', CONFIG_FILE_NAME);
  return path.posix.join('/etc/clinic-desk', CONFIG_FILE_NAME);
}

/**
 * Where installs before the `Config` folder kept the file (Windows only): inside the data folder, which every
 * user may modify. Read only while the new file does not exist; `machine-config` (which every MSI install
 * runs) moves its keys into the new file, after which it is never read again.
 */
export function legacyMachineConfigPath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string | null {
  if (platform === 'win32') return path.win32.join(env.PROGRAMDATA ?? 'C:\\ProgramData', 'Clinic Desk', CONFIG_FILE_NAME);
  return null;
}

type ReadText = (file: string) => string | null;
/** The file's text; null when it does not exist; other errors are thrown. */
export const readTextFile: ReadText = (file) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
};

export type MachineConfigResult = { ok: true; config: MachineConfig } | { ok: false; error: string };

/** Parses the file's text; a broken file is reported (doctor, diagnostics) and ignored, never fatal. */
export function parseMachineConfig(text: string | null): MachineConfigResult {
  if (text === null || text.trim() === '') return { ok: true, config: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `not valid JSON: ${(err as Error).message}` };
  }
  const parsed = machineConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: `${issue.path.join('.') || '(file)'}: ${issue.message}` };
  }
  return { ok: true, config: parsed.data };
}

/**
 * Reads the machine-wide file of this PC (absent: an empty configuration). CLINIC_DESK_CONFIG wins; then the
 * file at machineConfigPath; the legacy Windows path only when that one does not exist.
 */
export function loadMachineConfig(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, read: ReadText = readTextFile): MachineConfigResult & { file: string } {
  const current = env.CLINIC_DESK_CONFIG ?? machineConfigPath(platform, env);
  const legacy = env.CLINIC_DESK_CONFIG ? null : legacyMachineConfigPath(platform, env);
  let file = current;
  let text: string | null;
  try {
    text = read(current);
    if (text === null && legacy !== null) {
      file = legacy;
      text = read(legacy);
      if (text === null) file = current;
    }
  } catch (err) {
    return { ok: false, error: `cannot read: ${(err as Error).message}`, file };
  }
  return { ...parseMachineConfig(text), file };
}
