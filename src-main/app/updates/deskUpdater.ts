import { updateError, type UpdateError } from './updateErrors';
import type { UpdateMode } from './updatePolicy';
import type { Timers } from '../../domain/shared/timers';

/** The part of electron-updater's AppUpdater the desk uses (a fake one in tests). */
export interface UpdaterPort {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowPrerelease: boolean;
  allowDowngrade: boolean;
  channel: string | null;
  checkForUpdates(): Promise<unknown>;
  on(event: 'checking-for-update' | 'update-available' | 'update-not-available' | 'download-progress' | 'update-downloaded' | 'error', listener: (arg: unknown) => void): unknown;
}

export interface UpdateTimers extends Timers {
  now(): number;
}

/** What Settings → This desk shows; pushed to the open windows on every change (contract event `updates.state`). */
export interface UpdateState {
  mode: UpdateMode;
  lastCheckAt: number | null;
  nextCheckAt: number | null;
  /** Asking the update source right now. */
  checking: boolean;
  /** A newer version found (being downloaded in the background). */
  available: string | null;
  /** How far that download is, in whole percent. */
  percent: number | null;
  /** Downloaded and waiting: it installs when Clinic Desk quits, never while someone works. */
  downloaded: string | null;
  lastError: string | null;
  /** The last failure as an error value the UI translates; cleared by the next check that works. */
  error: UpdateError | null;
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
export function startDeskUpdater(o: {
  updater: UpdaterPort;
  mode: UpdateMode;
  timers: UpdateTimers;
  log(level: 'info' | 'warn', message: string): void;
  /** Called with a copy of the state after each change (the shell pushes it to the open windows). */
  onChange?: (state: UpdateState) => void;
}): {
  state(): UpdateState;
  stop(): void;
} {
  const state: UpdateState = { mode: o.mode, lastCheckAt: null, nextCheckAt: null, checking: false, available: null, percent: null, downloaded: null, lastError: null, error: null };
  const changed = (): void => o.onChange?.({ ...state });
  const fail = (err: unknown): void => {
    state.error = updateError(err);
    state.lastError = state.error.message;
  };
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
    state.checking = true;
    changed();
    try {
      await updater.checkForUpdates();
      // The check worked; a download error may still arrive later (the 'error' event).
      if (state.error && !state.available) {
        state.error = null;
        state.lastError = null;
      }
      schedule(DAILY_MS);
    } catch (err) {
      fail(err);
      o.log('warn', `updates: check failed (${state.lastError}); trying again in an hour`);
      schedule(RETRY_MS);
    } finally {
      checking = false;
      state.checking = false;
      changed();
    }
  };

  updater.on('checking-for-update', () => {
    if (state.checking) return;
    state.checking = true;
    changed();
  });
  updater.on('update-available', (info) => {
    state.available = versionOf(info);
    state.percent = 0;
    state.error = null;
    state.lastError = null;
    o.log('info', `updates: ${state.available ?? 'a new version'} found on ${o.mode.on ? o.mode.channel : ''}; downloading in the background`);
    changed();
  });
  updater.on('update-not-available', () => {
    state.available = null;
    state.percent = null;
    changed();
  });
  updater.on('download-progress', (progress) => {
    const raw = Number((progress as { percent?: unknown } | null)?.percent);
    if (!Number.isFinite(raw) || state.downloaded) return;
    // Whole percent: electron-updater reports about once a second, the windows need only the visible changes.
    const percent = Math.max(0, Math.min(100, Math.floor(raw)));
    if (percent === state.percent) return;
    state.percent = percent;
    changed();
  });
  updater.on('update-downloaded', (info) => {
    state.downloaded = versionOf(info);
    state.percent = null;
    o.log('info', `updates: ${state.downloaded ?? 'the new version'} downloaded; it installs when Clinic Desk quits`);
    changed();
  });
  updater.on('error', (err) => {
    // Download errors arrive here (checkForUpdates has already resolved): logged, tried again at the next check.
    fail(err);
    if (!checking) o.log('warn', `updates: download failed (${state.lastError}); tried again at the next check`);
    state.available = null;
    state.percent = null;
    changed();
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
