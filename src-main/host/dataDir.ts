import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Clinic Desk';

/** Where Electron keeps userData for this app on each OS; the host uses the same place so both see one database. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}

/** --data DIR wins, then CLINIC_DESK_DATA, then the OS default. The demo clinic lives in its own folder beside the real one. */
export function resolveDataDir(opts: { flag?: string | undefined; demo?: boolean; base?: string }, env: NodeJS.ProcessEnv = process.env): string {
  if (opts.flag) return path.resolve(opts.flag);
  if (env.CLINIC_DESK_DATA) return path.resolve(env.CLINIC_DESK_DATA);
  const base = opts.base ?? defaultDataDir();
  return opts.demo ? path.join(base, 'demo') : base;
}
