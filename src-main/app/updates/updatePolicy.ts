import type { MachineConfigResult } from '../machineConfig';

export type UpdateChannel = 'stable' | 'beta';

/** Why this installation does not update itself; each is one sentence in README → IT and in diagnostics. */
export type UpdateOffReason =
  /** IT set `updateChannel: "off"` (config file or UPDATECHANNEL=off): IT rolls versions out by hand. */
  | 'it-off'
  /** The machine-wide file cannot be read: IT's intent is unknown, so nothing is installed behind its back. */
  | 'config-unreadable'
  /** `npm start` / `npm run dev`: not an installed app. */
  | 'development'
  /** Windows MSI: per-machine installs are updated by IT (a newer MSI with msiexec, GPO or Intune);
   *  electron-updater installs only NSIS packages, and an MSI upgrade needs an administrator. */
  | 'msi'
  /** Linux deb: apt updates it (installing a deb asks for an administrator password). */
  | 'package-manager'
  /** The app was built without an update feed (no GitHub repository known when it was packed). */
  | 'no-feed';

export type UpdateMode = { on: true; channel: UpdateChannel } | { on: false; reason: UpdateOffReason };

export interface Installation {
  packaged: boolean;
  platform: NodeJS.Platform;
  /** Linux: running from an AppImage (electron-updater replaces the file). */
  appImage: boolean;
  /** app-update.yml packed with the app names an update source (hasUpdateFeed; electron-builder writes it from the publish configuration). */
  hasFeed: boolean;
}

/**
 * Whether this PC updates itself, and from which channel: IT's machine-wide choice first (off wins over
 * everything), then what the installation can do by itself without an administrator. Default: stable.
 */
export function resolveUpdateMode(config: MachineConfigResult, install: Installation): UpdateMode {
  if (!config.ok) return { on: false, reason: 'config-unreadable' };
  const chosen = config.config.updateChannel ?? 'stable';
  if (chosen === 'off') return { on: false, reason: 'it-off' };
  if (!install.packaged) return { on: false, reason: 'development' };
  if (install.platform === 'win32') return { on: false, reason: 'msi' };
  if (install.platform === 'linux' && !install.appImage) return { on: false, reason: 'package-manager' };
  if (!install.hasFeed) return { on: false, reason: 'no-feed' };
  return { on: true, channel: chosen };
}

/**
 * Whether the app-update.yml packed with the app names an update source. electron-builder writes the file even
 * without a publish target (then only `updaterCacheDirName`), and electron-updater fails on every check with it.
 */
export function hasUpdateFeed(appUpdateYml: string): boolean {
  return /^provider:[ \t]*\S/m.test(appUpdateYml);
}
