import type { Command } from '../command';
import { benchCommand } from './bench';
import { serveCommand } from './serve';

/** Every `clinic-desk` command. A new command registers here with one line. */
export const commands: Command[] = [
  serveCommand,
  benchCommand,
];
