import type { Command } from '../command';
import { backupCommand } from './backup';
import { benchCommand } from './bench';
import { doctorCommand } from './doctor';
import { restoreCommand } from './restore';
import { serveCommand } from './serve';

/** Every `clinic-desk` command. A new command registers here with one line. */
export const commands: Command[] = [
  serveCommand,
  benchCommand,
  backupCommand,
  restoreCommand,
  doctorCommand,
];
