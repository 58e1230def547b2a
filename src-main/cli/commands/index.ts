import type { Command } from '../command';
import { backupCommand } from './backup';
import { benchCommand } from './bench';
import { doctorCommand } from './doctor';
import { importAppointmentsCommand } from './importAppointments';
import { importCallsCommand } from './importCalls';
import { restoreCommand } from './restore';
import { serveCommand } from './serve';
import { smsSegmentsCommand } from './smsSegments';
import { statsCommand } from './stats';
import { usersAddCommand, usersDisableCommand, usersListCommand, usersPasswordCommand, usersRoleCommand } from './users';

/** Every `clinic-desk` command. A new command registers here with one line. */
export const commands: Command[] = [
  serveCommand,
  benchCommand,
  backupCommand,
  restoreCommand,
  doctorCommand,
  importAppointmentsCommand,
  importCallsCommand,
  smsSegmentsCommand,
  statsCommand,
  usersAddCommand,
  usersListCommand,
  usersRoleCommand,
  usersDisableCommand,
  usersPasswordCommand,
];
