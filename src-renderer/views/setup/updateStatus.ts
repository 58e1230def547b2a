/** The updater's state as the shell reports it (src-main/app/updates/deskUpdater.ts UpdateState). */
export interface ShellUpdates {
  mode: { on: true; channel: 'stable' | 'beta' } | { on: false; reason: string };
  lastCheckAt: number | null;
  nextCheckAt: number | null;
  available: string | null;
  downloaded: string | null;
  lastError: string | null;
}

/** Which sentence Settings → This desk shows about updates (a key of setup:updates) and its values. */
export function updateStatus(u: ShellUpdates | null): { key: string; params: Record<string, string> } {
  if (!u) return { key: 'updates.unknown', params: {} };
  if (!u.mode.on) return { key: `updates.off.${u.mode.reason}`, params: {} };
  if (u.downloaded) return { key: 'updates.downloaded', params: { version: u.downloaded } };
  if (u.available) return { key: 'updates.downloading', params: { version: u.available } };
  if (u.lastError) return { key: 'updates.offline', params: { channel: u.mode.channel } };
  return { key: u.lastCheckAt ? 'updates.upToDate' : 'updates.waiting', params: { channel: u.mode.channel } };
}
