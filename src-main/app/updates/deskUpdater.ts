import type { UpdateMode } from './updatePolicy';

/** The part of electron-updater's AppUpdater the desk uses (a fake one in tests). */
export interface UpdaterPort {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowPrerelease: boolean;
  allowDowngrade: boolean;
  channel: string | null;
  checkForUpdates(): Promise<unknown>;
  on(event: 'update-available' | 'update-not-available' | 'update-downloaded' | 'error', listener: (arg: unknown) => void): unknown;
}

export interface UpdateTimers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface UpdateState {
  mode: UpdateMode;
  lastCheckAt: number | null;
  nextCheckAt: number | null;
  /** A newer version found (being downloaded in the background). */
  available: string | null;
  /** Downloaded and waiting: it installs when Clinic Desk quits, never while someone works. */
  downloaded: string | null;
  lastError: string | null;
}

/** The first check waits for the desk to settle after start; then once a day. */
export const FIRST_CHECK_MS = 60_000;
export const DAILY_MS = 24 * 60 * 60 * 1000;
/** No internet is normal at a clinic: a failed check is tried again in an hour, then daily as usual. */
export const RETRY_MS = 60 * 60 * 1000;

const versionOf = (info: unknown): string | null => {
  const v = (info as { version?: unknown } | null)?.version;
  return typeof v === 'string' ? v : null;
};

/**
 * The desk's updates: checks soon after start and daily, downloads in the background, installs when the app
 * quits. It never calls quitAndInstall: a receptionist's window is never closed or restarted by an update.
 * With the mode off (IT's "off", MSI, development …) it does nothing at all, not even a check.
 */
export function startDeskUpdater(o: { updater: UpdaterPort; mode: UpdateMode; timers: UpdateTimers; log(level: 'info' | 'warn', message: string): void }): {
  state(): UpdateState;
  stop(): void;
} {
  const state: UpdateState = { mode: o.mode, lastCheckAt: null, nextCheckAt: null, available: null, downloaded: null, lastError: null };
  if (!o.mode.on) {
    o.log('info', `updates: off (${o.mode.reason})`);
    return { state: () => ({ ...state }), stop: () => undefined };
  }
  const { updater, timers } = o;
  const beta = o.mode.channel === 'beta';
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  // beta takes pre-releases (v1.2.0-beta.1) and stable ones; stable never sees a pre-release.
  updater.allowPrerelease = beta;
  updater.channel = beta ? 'beta' : 'latest';
  // Leaving beta for stable must not install an older stable over a newer beta.
  updater.allowDowngrade = false;

  let timer: unknown = null;
  let stopped = false;
  let checking = false;
  const schedule = (ms: number): void => {
    if (stopped) return;
    if (timer !== null) timers.clearTimeout(timer);
    state.nextCheckAt = timers.now() + ms;
    timer = timers.setTimeout(() => void check(), ms);
  };
  const check = async (): Promise<void> => {
    timer = null;
    if (stopped || checking) return;
    checking = true;
    state.lastCheckAt = timers.now();
    try {
      await updater.checkForUpdates();
      state.lastError = null;
      schedule(DAILY_MS);
    } catch (err) {
      state.lastError = err instanceof Error ? err.message : String(err);
      o.log('warn', `updates: check failed (${state.lastError}); trying again in an hour`);
      schedule(RETRY_MS);
    } finally {
      checking = false;
    }
  };

  updater.on('update-available', (info) => {
    state.available = versionOf(info);
    o.log('info', `updates: ${state.available ?? 'a new version'} found on ${o.mode.on ? o.mode.channel : ''}; downloading in the background`);
  });
  updater.on('update-not-available', () => {
    state.available = null;
  });
  updater.on('update-downloaded', (info) => {
    state.downloaded = versionOf(info);
    o.log('info', `updates: ${state.downloaded ?? 'the new version'} downloaded; it installs when Clinic Desk quits`);
  });
  updater.on('error', (err) => {
    // Download errors arrive here (checkForUpdates has already resolved): logged, tried again at the next check.
    state.lastError = err instanceof Error ? err.message : String(err);
  });

  o.log('info', `updates: ${o.mode.channel} channel, first check in ${FIRST_CHECK_MS / 1000} s, then daily`);
  schedule(FIRST_CHECK_MS);
  return {
    state: () => ({ ...state }),
    stop: () => {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      state.nextCheckAt = null;
    },
  };
}
