import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { databaseFile } from '../../../src-main/app/createApp';
import { backupDatabase, checkDatabaseFile } from '../../../src-main/db/backup';
import { receiveInbound } from '../../../src-main/domain/messaging/messagingService';
import { runCli } from '../../../src-main/cli/main';
import { tempApp, tempDir, T0 } from '../../helpers/tempApp';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Runs `clinic-desk ...` in this process and captures what it prints. */
async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  const code = await runCli(argv);
  vi.restoreAllMocks();
  return { code, out, err };
}

describe('one writer per data folder, from the command line', () => {
  it('refuses a second desk on a folder in use, naming the holder, and takes it once the first stops', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const first = await tempApp({ dataDir: dir });
    await expect(tempApp({ dataDir: dir })).rejects.toThrow(/in use by Clinic Desk \(process \d+, since/);
    const csv = path.join(dir, 'calls.csv');
    fs.writeFileSync(csv, 'Data e ora,Numero\n2026-11-23 09:00,+393331234567\n');
    const r = await cli('import', 'calls', csv, '--data', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/in use by Clinic Desk/);
    await first.stop();
    const second = await tempApp({ dataDir: dir });
    await second.stop();
  });

  it('refuses a restore under a running desk and keeps everything it acknowledged', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const app = await tempApp({ dataDir: dir });
    receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'r-1', fromPhone: '+393331234567', body: 'Prima', at: T0 });
    const info = await backupDatabase(app.ctx.db, dir, T0);
    receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'r-2', fromPhone: '+393331234567', body: 'Dopo', at: T0 + 1 });
    const r = await cli('restore', info.file, '--data', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/in use by Clinic Desk \(process/);
    await app.stop();
    expect(checkDatabaseFile(databaseFile(dir)).messages).toBe(2);
    expect((await cli('restore', info.file, '--data', dir)).code).toBe(0);
    expect(checkDatabaseFile(databaseFile(dir)).messages).toBe(1);
  });

  it('doctor on an empty folder says there is no database, creates nothing and exits 1', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const r = await cli('doctor', '--data', dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FAIL\s+database\s+no database in/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('doctor reads an old database without migrating it, even while a desk runs', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const app = await tempApp({ dataDir: dir });
    app.ctx.db.prepare('DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)').run();
    const before = (app.ctx.db.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n;
    const r = await cli('doctor', '--data', dir);
    expect(r.out).toMatch(/WARN\s+schema\s+version \d+ of \d+ \(migrates at next start\)/);
    expect(r.out).toMatch(/desk\s+running \(process \d+\)/);
    expect((app.ctx.db.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(before);
    await app.stop();
  });
});
