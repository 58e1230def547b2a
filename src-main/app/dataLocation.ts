import path from 'node:path';
import type { MachineConfig } from './machineConfig';

export const PRODUCT_NAME = 'Clinic Desk';

export interface Platform {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
}

/** The path module of the target OS, so Windows paths resolve correctly in tests run on Linux and back. */
const pathFor = (p: NodeJS.Platform): path.PlatformPath => (p === 'win32' ? path.win32 : path.posix);

/**
 * The OS default when IT chose nothing. Windows reception PCs are shared by several accounts and the
 * MSI installs per machine, so the clinic lives once per machine under %PROGRAMDATA%; macOS and Linux
 * keep the per-user folder Electron would use.
 */
export function defaultDataDir(o: Platform): string {
  const p = pathFor(o.platform);
  if (o.platform === 'win32') return p.join(o.env.PROGRAMDATA ?? 'C:\\ProgramData', PRODUCT_NAME);
  if (o.platform === 'darwin') return p.join(o.home, 'Library', 'Application Support', PRODUCT_NAME);
  return p.join(o.env.XDG_CONFIG_HOME ?? p.join(o.home, '.config'), PRODUCT_NAME);
}

/** Where versions before the machine-wide folder kept a Windows clinic (per user, %APPDATA%). */
export function legacyWindowsDataDir(o: Platform): string {
  return path.win32.join(o.env.APPDATA ?? path.win32.join(o.home, 'AppData', 'Roaming'), PRODUCT_NAME);
}

/** %PROGRAMDATA% / $HOME / ~ in a configured path, expanded for the target OS. */
export function expandPath(value: string, o: Platform): string {
  const p = pathFor(o.platform);
  let v = value.replace(/%([A-Za-z_][A-Za-z0-9_]*)%/g, (whole, name: string) => {
    const key = Object.keys(o.env).find((k) => k.toLowerCase() === name.toLowerCase());
    return key ? (o.env[key] ?? whole) : whole;
  });
  v = v.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (whole, name: string) => o.env[name] ?? whole);
  if (v === '~' || v.startsWith('~/') || v.startsWith('~\\')) v = p.join(o.home, v.slice(1));
  return p.resolve(v);
}

export type DataSource = 'flag' | 'env' | 'machine-config' | 'legacy' | 'default';

export interface DataLocation {
  /** The real clinic's folder (the demo lives in its `demo` sub-folder unless a flag/env chose the folder). */
  dataDir: string;
  source: DataSource;
}

/**
 * Which folder holds the clinic: --data wins, then CLINIC_DESK_DATA, then the machine-wide file's
 * `dataDir`, then the OS default. A Windows PC upgraded from a per-user version keeps its clinic
 * where it is (the legacy folder holds a database and the machine folder none) so an upgrade never
 * looks like an empty clinic. Pure: the caller passes what exists on disk.
 */
export function resolveDataLocation(
  o: Platform & { flag?: string | undefined; config?: MachineConfig; demo?: boolean; hasDatabase?: (dir: string) => boolean },
): DataLocation {
  const p = pathFor(o.platform);
  const withDemo = (dir: string): string => (o.demo ? p.join(dir, 'demo') : dir);
  if (o.flag) return { dataDir: p.resolve(o.flag), source: 'flag' };
  if (o.env.CLINIC_DESK_DATA) return { dataDir: p.resolve(o.env.CLINIC_DESK_DATA), source: 'env' };
  if (o.config?.dataDir) return { dataDir: withDemo(expandPath(o.config.dataDir, o)), source: 'machine-config' };
  const machine = defaultDataDir(o);
  if (o.platform === 'win32' && o.hasDatabase) {
    const legacy = legacyWindowsDataDir(o);
    if (!o.hasDatabase(machine) && o.hasDatabase(legacy)) return { dataDir: withDemo(legacy), source: 'legacy' };
  }
  return { dataDir: withDemo(machine), source: 'default' };
}
