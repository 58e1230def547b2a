import fs from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import { autoUpdater } from 'electron-updater';
import type { MachineConfigResult } from '../app/machineConfig';
import { startDeskUpdater, type UpdateState } from '../app/updates/deskUpdater';
import { hasUpdateFeed, resolveUpdateMode } from '../app/updates/updatePolicy';
import { realTimers } from '../domain/shared/timers';

const readIfExists = (file: string): string => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');

/** Electron's side of the updates: electron-updater's autoUpdater behind the desk's policy (src-main/app/updates). */
export function startUpdates(machine: MachineConfigResult, log: (level: 'info' | 'warn', message: string) => void, onChange?: (state: UpdateState) => void) {
  const mode = resolveUpdateMode(machine, {
    packaged: app.isPackaged,
    platform: process.platform,
    appImage: Boolean(process.env.APPIMAGE),
    hasFeed: app.isPackaged && hasUpdateFeed(readIfExists(path.join(process.resourcesPath, 'app-update.yml'))),
  });
  // electron-updater logs through the desk's log (redacted, rotated) instead of the console.
  autoUpdater.logger = { info: (m: unknown) => log('info', `updater: ${String(m)}`), warn: (m: unknown) => log('warn', `updater: ${String(m)}`), error: (m: unknown) => log('warn', `updater: ${String(m)}`), debug: () => undefined };
  return startDeskUpdater({ updater: autoUpdater, mode, timers: { now: Date.now, ...realTimers }, log, ...(onChange ? { onChange } : {}) });
}
