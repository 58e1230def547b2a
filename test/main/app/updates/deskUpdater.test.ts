import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { DAILY_MS, FIRST_CHECK_MS, RETRY_MS, startDeskUpdater, type UpdaterPort } from '../../../../src-main/app/updates/deskUpdater';
import fs from 'node:fs';
import path from 'node:path';
import { hasUpdateFeed, resolveUpdateMode, type Installation } from '../../../../src-main/app/updates/updatePolicy';
import { events } from '../../../../src-main/contract';
import type { UpdateState } from '../../../../src-main/app/updates/deskUpdater';

/** electron-updater's autoUpdater as the desk drives it: records checks, emits what the test says, and counts restarts. */
class FakeUpdater extends EventEmitter implements UpdaterPort {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  allowPrerelease = true;
  allowDowngrade = true;
  channel: string | null = null;
  checks = 0;
  quitAndInstallCalls = 0;
  next: Array<() => Promise<unknown>> = [];
  checkForUpdates(): Promise<unknown> {
    this.checks++;
    return (this.next.shift() ?? (() => Promise.resolve(null)))();
  }
  quitAndInstall(): void {
    this.quitAndInstallCalls++;
  }
}

/** Timers on a hand-moved clock. */
class Clock {
  t = 1_000_000;
  private pending: Array<{ at: number; fn: () => void; id: number }> = [];
  private id = 0;
  now = (): number => this.t;
  setTimeout = (fn: () => void, ms: number): unknown => {
    const id = ++this.id;
    this.pending.push({ at: this.t + ms, fn, id });
    return id;
  };
  clearTimeout = (h: unknown): void => {
    this.pending = this.pending.filter((p) => p.id !== h);
  };
  async advance(ms: number): Promise<void> {
    const until = this.t + ms;
    for (;;) {
      const due = this.pending.filter((p) => p.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.pending = this.pending.filter((p) => p !== due);
      this.t = due.at;
      due.fn();
      await new Promise((r) => setImmediate(r));
    }
    this.t = until;
  }
  get scheduled(): number {
    return this.pending.length;
  }
}

const installed: Installation = { packaged: true, platform: 'darwin', appImage: false, hasFeed: true };
const ok = (updateChannel?: 'stable' | 'beta' | 'off') => ({ ok: true as const, config: updateChannel ? { updateChannel } : {} });

describe('which updates a PC takes (machine-wide updateChannel + what the installation can do)', () => {
  it.each([
    [ok(), installed, { on: true, channel: 'stable' }],
    [ok('beta'), installed, { on: true, channel: 'beta' }],
    [ok('off'), installed, { on: false, reason: 'it-off' }],
    [ok('off'), { ...installed, packaged: false }, { on: false, reason: 'it-off' }],
    [{ ok: false as const, error: 'not valid JSON' }, installed, { on: false, reason: 'config-unreadable' }],
    [ok('stable'), { ...installed, packaged: false }, { on: false, reason: 'development' }],
    [ok('stable'), { ...installed, platform: 'win32' as const }, { on: false, reason: 'msi' }],
    [ok('stable'), { ...installed, platform: 'linux' as const }, { on: false, reason: 'package-manager' }],
    [ok('beta'), { ...installed, platform: 'linux' as const, appImage: true }, { on: true, channel: 'beta' }],
    [ok(), { ...installed, hasFeed: false }, { on: false, reason: 'no-feed' }],
  ])('%j on %j → %j', (config, install, expected) => {
    expect(resolveUpdateMode(config, install)).toEqual(expected);
  });
});

describe('the update source packed with the app (resources/app-update.yml)', () => {
  const fixture = (name: string): string => fs.readFileSync(path.join(__dirname, '../../../fixtures/packaging', name), 'utf8');
  it("electron-builder's file from a pack with the GitHub repository names a provider; one from a pack without it does not", () => {
    expect(hasUpdateFeed(fixture('app-update.github.yml'))).toBe(true);
    // Written all the same, with only the cache folder: an updater started on it would fail every check.
    expect(fixture('app-update.no-repo.yml').trim()).toBe('updaterCacheDirName: clinic-desk-updater');
    expect(hasUpdateFeed(fixture('app-update.no-repo.yml'))).toBe(false);
    expect(hasUpdateFeed('')).toBe(false);
  });
});

describe('the desk updater', () => {
  const logs: string[] = [];
  const log = (_level: string, m: string): number => logs.push(m);

  it('checks a minute after start and then daily, downloads in the background, installs on quit, never restarts the app', async () => {
    const clock = new Clock();
    const updater = new FakeUpdater();
    const u = startDeskUpdater({ updater, mode: { on: true, channel: 'stable' }, timers: clock, log });
    expect([updater.autoDownload, updater.autoInstallOnAppQuit, updater.allowPrerelease, updater.allowDowngrade, updater.channel]).toEqual([true, true, false, false, 'latest']);
    expect(updater.checks).toBe(0);
    await clock.advance(FIRST_CHECK_MS - 1);
    expect(updater.checks).toBe(0);
    await clock.advance(1);
    expect(updater.checks).toBe(1);
    expect(u.state().nextCheckAt).toBe(clock.t + DAILY_MS);

    updater.emit('update-available', { version: '0.2.0' });
    expect(u.state().available).toBe('0.2.0');
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(u.state()).toMatchObject({ downloaded: '0.2.0', lastError: null });
    expect(logs.at(-1)).toMatch(/installs when Clinic Desk quits/);

    await clock.advance(DAILY_MS);
    expect(updater.checks).toBe(2);
    await clock.advance(DAILY_MS * 3);
    expect(updater.checks).toBe(5);
    // Whatever happened, the desk never asked to quit and install: that happens when the clinic closes the app.
    expect(updater.quitAndInstallCalls).toBe(0);
    u.stop();
    await clock.advance(DAILY_MS * 2);
    expect(updater.checks).toBe(5);
    expect(clock.scheduled).toBe(0);
  });

  it('offline: a failed check is retried in an hour, then the daily cadence resumes', async () => {
    const clock = new Clock();
    const updater = new FakeUpdater();
    updater.next.push(() => Promise.reject(new Error('net::ERR_INTERNET_DISCONNECTED')));
    const u = startDeskUpdater({ updater, mode: { on: true, channel: 'stable' }, timers: clock, log });
    await clock.advance(FIRST_CHECK_MS);
    expect(u.state()).toMatchObject({ lastError: 'net::ERR_INTERNET_DISCONNECTED', nextCheckAt: clock.t + RETRY_MS });
    await clock.advance(RETRY_MS);
    expect(updater.checks).toBe(2);
    expect(u.state()).toMatchObject({ lastError: null, nextCheckAt: clock.t + DAILY_MS });
    u.stop();
  });

  it('beta takes pre-releases from the beta channel', () => {
    const updater = new FakeUpdater();
    const u = startDeskUpdater({ updater, mode: { on: true, channel: 'beta' }, timers: new Clock(), log });
    expect([updater.allowPrerelease, updater.channel, updater.allowDowngrade]).toEqual([true, 'beta', false]);
    u.stop();
  });

  it('off (IT, MSI, development): no check, no download, nothing scheduled, the reason kept for diagnostics', async () => {
    const clock = new Clock();
    const updater = new FakeUpdater();
    const u = startDeskUpdater({ updater, mode: { on: false, reason: 'it-off' }, timers: clock, log });
    await clock.advance(DAILY_MS * 7);
    expect(updater.checks).toBe(0);
    expect(updater.autoDownload).toBe(false);
    expect(clock.scheduled).toBe(0);
    expect(u.state().mode).toEqual({ on: false, reason: 'it-off' });
    expect(logs).toContain('updates: off (it-off)');
  });

  it('pushes every change to the open windows: checking, downloading with whole percents, ready on quit, a failure with its reason', async () => {
    const clock = new Clock();
    const updater = new FakeUpdater();
    const pushed: UpdateState[] = [];
    let release!: () => void;
    updater.next.push(() => new Promise((r) => (release = () => r(null))));
    const u = startDeskUpdater({ updater, mode: { on: true, channel: 'stable' }, timers: clock, log, onChange: (s) => pushed.push(s) });
    await clock.advance(FIRST_CHECK_MS);
    // electron-updater's own events as it emits them during a check and a background download.
    updater.emit('checking-for-update');
    expect(pushed.at(-1)).toMatchObject({ checking: true, available: null });
    updater.emit('update-available', { version: '0.2.0' });
    release();
    await new Promise((r) => setImmediate(r));
    expect(pushed.at(-1)).toMatchObject({ checking: false, available: '0.2.0', percent: 0 });
    const before = pushed.length;
    for (const percent of [0.4, 12.2, 12.9, 57.51, 100]) updater.emit('download-progress', { percent, total: 90_000_000, transferred: 0, delta: 0, bytesPerSecond: 1 });
    // Whole percents only: 12.2 and 12.9 are one change.
    expect(pushed.slice(before).map((s) => s.percent)).toEqual([12, 57, 100]);
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(pushed.at(-1)).toMatchObject({ downloaded: '0.2.0', percent: null, error: null });
    // Every pushed state is what the contract event carries, so the renderer gets it through the usual event path.
    for (const s of pushed) expect(events['updates.state'].safeParse(s).success).toBe(true);
    u.stop();
  });

  it('a download that fails is pushed with its translated reason and cleared by the next check that works', async () => {
    const clock = new Clock();
    const updater = new FakeUpdater();
    const pushed: UpdateState[] = [];
    const u = startDeskUpdater({ updater, mode: { on: true, channel: 'beta' }, timers: clock, log, onChange: (s) => pushed.push(s) });
    await clock.advance(FIRST_CHECK_MS);
    updater.emit('update-available', { version: '0.3.0-beta.1' });
    updater.emit('download-progress', { percent: 40 });
    updater.emit('error', Object.assign(new Error('sha512 checksum mismatch, expected AAAA, got BBBB'), { code: 'ERR_CHECKSUM_MISMATCH' }));
    expect(pushed.at(-1)).toMatchObject({ available: null, percent: null, lastError: 'sha512 checksum mismatch, expected AAAA, got BBBB' });
    expect(pushed.at(-1)!.error).toEqual({ code: 'update_failed', reason: 'errors-updates:corrupt', params: {}, message: 'sha512 checksum mismatch, expected AAAA, got BBBB' });
    expect(logs.at(-1)).toMatch(/download failed/);
    expect(events['updates.state'].safeParse(pushed.at(-1)).success).toBe(true);
    // Offline at the next check: the reason changes; then a check that works clears it.
    updater.next.push(() => Promise.reject(new Error('net::ERR_INTERNET_DISCONNECTED')));
    await clock.advance(DAILY_MS);
    expect(pushed.at(-1)!.error?.reason).toBe('errors-updates:offline');
    await clock.advance(RETRY_MS);
    expect(pushed.at(-1)).toMatchObject({ checking: false, error: null, lastError: null });
    u.stop();
  });
});
