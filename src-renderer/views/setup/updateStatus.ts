import type { z } from 'zod';
import type { updateState } from '../../../src-main/contract/updates';

/** The updater's state as the shell reports and pushes it (contract event `updates.state`). */
export type ShellUpdates = z.output<typeof updateState>;

/**
 * Which sentence Settings → This desk shows about updates and its values: a key of the setup namespace
 * (updates.*), of desk-updates, or a failure's reason (errors-updates:*).
 */
export function updateStatus(u: ShellUpdates | null): { key: string; params: Record<string, string | number | null>; percent: number | null } {
  const none = { percent: null };
  if (!u) return { key: 'updates.unknown', params: {}, ...none };
  if (!u.mode.on) return { key: `updates.off.${u.mode.reason}`, params: {}, ...none };
  if (u.downloaded) return { key: 'updates.downloaded', params: { version: u.downloaded }, ...none };
  if (u.checking) return { key: 'desk-updates:checking', params: { channel: u.mode.channel }, ...none };
  if (u.available) {
    return u.percent === null
      ? { key: 'updates.downloading', params: { version: u.available }, ...none }
      : { key: 'desk-updates:downloadingPercent', params: { version: u.available, percent: u.percent }, percent: u.percent };
  }
  if (u.error) return { key: u.error.reason, params: { ...u.error.params, channel: u.mode.channel }, ...none };
  if (u.lastError) return { key: 'updates.offline', params: { channel: u.mode.channel }, ...none };
  return { key: u.lastCheckAt ? 'updates.upToDate' : 'updates.waiting', params: { channel: u.mode.channel }, ...none };
}
