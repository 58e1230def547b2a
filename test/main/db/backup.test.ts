import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFile } from '../../../src-main/app/createApp';
import { backupDatabase, checkDatabaseFile, listBackups, restoreDatabase } from '../../../src-main/db/backup';
import { receiveInbound } from '../../../src-main/domain/messaging/messagingService';
import { tempApp, tempDir, T0 } from '../../helpers/tempApp';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('backs up a live database, and a restore brings it back while keeping the replaced one', async () => {
    const app = await tempApp();
    dirs.push(app.ctx.dataDir);
    receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'b-1', fromPhone: '+393331234567', body: 'Prima del backup', at: T0 });
    const info = await backupDatabase(app.ctx.db, app.ctx.dataDir, T0);
    expect(path.basename(info.file)).toBe('clinic-desk-2026-11-23T090000Z.sqlite3');
    expect(fs.readdirSync(path.dirname(info.file)).some((f) => f.endsWith('.partial'))).toBe(false);
    receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'b-2', fromPhone: '+393331234567', body: 'Dopo il backup', at: T0 + 1000 });
    await app.stop();

    expect(checkDatabaseFile(info.file)).toMatchObject({ integrity: 'ok', patients: 1, messages: 1 });
    const { previous } = restoreDatabase(app.ctx.dataDir, databaseFile(app.ctx.dataDir), info.file, T0 + 60_000);
    expect(previous && fs.existsSync(previous)).toBe(true);
    expect(checkDatabaseFile(databaseFile(app.ctx.dataDir)).messages).toBe(1);
    expect(checkDatabaseFile(previous!).messages).toBe(2); // nothing lost: the replaced database is complete beside it
    expect(listBackups(app.ctx.dataDir).map((b) => b.takenAt)).toEqual([T0]);
  });

  it('refuses a file that is not a Clinic Desk database and leaves the live one untouched', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const app = await tempApp({ dataDir: dir });
    receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'b-1', fromPhone: '+393331234567', body: 'Ciao', at: T0 });
    await app.stop();
    const junk = path.join(dir, 'junk.sqlite3');
    fs.writeFileSync(junk, 'this is not a database');
    expect(() => restoreDatabase(dir, databaseFile(dir), junk, T0)).toThrow(/not a SQLite database|could not be read/);
    expect(() => restoreDatabase(dir, databaseFile(dir), path.join(dir, 'missing.sqlite3'), T0)).toThrow(/does not exist/);
    expect(checkDatabaseFile(databaseFile(dir)).messages).toBe(1);
  });
});
