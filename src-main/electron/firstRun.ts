import fs from 'node:fs';
import { databaseFile } from '../app/createApp';

/** A clinic counts as configured once its database exists in the data folder (the set-up wizard or IT created it). */
export function isClinicConfigured(userDataDir: string): boolean {
  return fs.existsSync(databaseFile(userDataDir));
}
