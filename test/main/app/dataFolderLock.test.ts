import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderHolder, holdDataFolder } from '../../../src-main/app/dataFolderLock';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'desk-lock-'));

describe('one writer per data folder', () => {
  it('refuses a second holder, naming the first, and frees the folder on release', () => {
    const dir = tmp();
    const release = holdDataFolder(dir, 'clinic-desk serve', { now: Date.UTC(2026, 10, 23, 8, 30) });
    expect(() => holdDataFolder(dir, 'clinic-desk import calls')).toThrow(
      new RegExp(`in use by clinic-desk serve \\(process ${process.pid}, since 2026-11-23 08:30:00 UTC\\)`),
    );
    expect(folderHolder(dir)).toMatchObject({ pid: process.pid, program: 'clinic-desk serve' });
    release();
    expect(folderHolder(dir)).toBeNull();
    holdDataFolder(dir, 'again')();
  });

  it('is an OS lock: another process is refused, and a killed holder leaves no stale lock', async () => {
    const dir = tmp();
    const release = holdDataFolder(dir, 'clinic-desk serve');
    // The same SQLite locking the lock module uses, from another process (plain JS: no TypeScript loader there).
    const probe = `
      const db = new (require('better-sqlite3'))(${JSON.stringify(path.join(dir, 'clinic-desk.lock'))});
      db.pragma('busy_timeout = 0'); db.pragma('locking_mode = EXCLUSIVE');
      try { db.exec('BEGIN EXCLUSIVE; DELETE FROM held; COMMIT'); console.log('got it'); } catch (e) { console.log(e.code); }
      if (process.argv[1] === 'hold') setInterval(() => {}, 1000);`;
    const run = () => execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    expect(run()).toMatch(/SQLITE_BUSY/);
    release();
    expect(run()).toMatch(/got it/);

    const holder = spawn(process.execPath, ['-e', probe, 'hold'], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((r) => holder.stdout.once('data', r));
    expect(() => holdDataFolder(dir, 'clinic-desk serve')).toThrow(/in use/);
    holder.kill('SIGKILL');
    await new Promise((r) => holder.once('exit', r));
    holdDataFolder(dir, 'clinic-desk serve')();
  });
});
