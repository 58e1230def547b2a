import { databaseFile } from '../../app/createApp';
import { backupDatabase, listBackups } from '../../db/backup';
import { openReadOnly } from '../../db/readOnly';
import { resolveDataDir } from '../../host/dataDir';
import { dataOption, type Command } from '../command';

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Back up the clinic database now (safe while the desk runs), or --list the backups kept.',
  usage: 'backup [--list] [--data DIR] [--json]',
  options: { ...dataOption, list: { type: 'boolean' }, json: { type: 'boolean' } },
  async run({ values }, io) {
    const dataDir = resolveDataDir({ flag: values.data as string | undefined });
    if (values.list) {
      const backups = listBackups(dataDir);
      if (values.json) io.out(JSON.stringify(backups.map((b) => ({ ...b, takenAt: new Date(b.takenAt).toISOString() })), null, 2));
      else if (backups.length === 0) io.out(`No backups yet in ${dataDir}/backups.`);
      else for (const b of backups) io.out(`${new Date(b.takenAt).toISOString()}  ${mb(b.bytes).padStart(9)}  ${b.file}`);
      return 0;
    }
    // A live backup is safe beside a running desk: SQLite's backup API reads a consistent snapshot, and
    // opening read-only never migrates a database a newer or older desk is using.
    const db = openReadOnly(databaseFile(dataDir));
    try {
      const info = await backupDatabase(db, dataDir, Date.now());
      if (values.json) io.out(JSON.stringify({ ...info, takenAt: new Date(info.takenAt).toISOString() }));
      else io.out(`Backed up to ${info.file} (${mb(info.bytes)}). The last 7 daily and 4 weekly backups are kept.`);
      return 0;
    } finally {
      db.close();
    }
  },
};
