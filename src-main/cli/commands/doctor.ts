import fs from 'node:fs';
import { databaseFile } from '../../app/createApp';
import { folderHolder } from '../../app/dataFolderLock';
import { listBackups } from '../../db/backup';
import { openReadOnly } from '../../db/readOnly';
import { allMigrations } from '../../db/migrate';
import { databaseFacts, outboxFacts } from '../../db/repositories/diagnostics';
import { doctorLines, type DoctorFacts } from '../../domain/backup/doctorChecks';
import { resolveDataDir } from '../../host/dataDir';
import { dataOption, type Command } from '../command';

function writable(dir: string): boolean {
  try {
    // Checks only: doctor creates nothing (a typo in --data must not leave an empty clinic behind).
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function freeBytes(dir: string): number | null {
  try {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'Check an installation: runtime, data folder, disk, database integrity and schema, outbox, backups.',
  usage: 'doctor [--data DIR] [--json]',
  options: { ...dataOption, json: { type: 'boolean' } },
  async run({ values }, io) {
    const dataDir = resolveDataDir({ flag: values.data as string | undefined });
    const now = Date.now();
    const dataDirWritable = writable(dataDir);
    let database: DoctorFacts['database'];
    let outbox: DoctorFacts['outbox'] = { pending: 0, parked: 0, oldestPendingAgeMs: null };
    try {
      const db = openReadOnly(databaseFile(dataDir));
      try {
        database = { ...databaseFacts(db), newestSchema: Math.max(...allMigrations().map((m) => m.version)) };
        outbox = outboxFacts(db, now);
      } finally {
        db.close();
      }
    } catch (err) {
      database = fs.existsSync(databaseFile(dataDir))
        ? { error: `cannot open ${databaseFile(dataDir)}: ${(err as Error).message}` }
        : { error: `no database in ${dataDir} (nothing to check: is this the clinic's data folder?)` };
    }
    const newest = listBackups(dataDir)[0];
    const lines = doctorLines({
      nodeVersion: process.version,
      dataDir,
      dataDirWritable,
      freeBytes: freeBytes(dataDir),
      database,
      outbox,
      newestBackupAgeMs: newest ? now - newest.takenAt : null,
      runningPid: folderHolder(dataDir)?.pid ?? null,
    });
    if (values.json) io.out(JSON.stringify(lines, null, 2));
    else for (const l of lines) io.out(`${l.verdict.toUpperCase().padEnd(4)}  ${l.check.padEnd(18)} ${l.detail}`);
    return lines.some((l) => l.verdict === 'fail') ? 1 : 0;
  },
};
