import path from 'node:path';
import { databaseFile } from '../../app/createApp';
import { holdDataFolder } from '../../app/dataFolderLock';
import { restoreDatabase } from '../../db/backup';
import { DeskError } from '../../domain/shared/errors';
import { resolveDataDir } from '../../host/dataDir';
import { dataOption, type Command } from '../command';

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Replace the clinic database with a backup (checked first; the current one is kept beside it). Stop the desk first.',
  usage: 'restore FILE [--data DIR]',
  options: { ...dataOption },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new DeskError('invalid_input', 'name one backup file, e.g. clinic-desk restore backups/clinic-desk-2026-11-23T190000Z.sqlite3', { field: 'file' });
    const dataDir = resolveDataDir({ flag: values.data as string | undefined });
    // Refused while any desk, host or CLI writer holds the folder (the message names it); held during the swap.
    const release = holdDataFolder(dataDir, 'clinic-desk restore');
    let outcome;
    try {
      outcome = restoreDatabase(dataDir, databaseFile(dataDir), path.resolve(file), Date.now());
    } finally {
      release();
    }
    const { check, previous } = outcome;
    io.out(`Restored ${file}: ${check.patients} patients, ${check.messages} messages (schema ${check.schemaVersion}).`);
    if (previous) io.out(`The database it replaced is kept as ${previous}.`);
    return 0;
  },
};
