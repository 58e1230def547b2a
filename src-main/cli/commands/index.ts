import type { Command } from '../command';
import { backupCommand } from './backup';
import { benchCommand } from './bench';
import { doctorCommand } from './doctor';
import { importAppointmentsCommand } from './importAppointments';
import { importCallsCommand } from './importCalls';
import { initCommand } from './init';
import { machineConfigCommand } from './machineConfig';
import { patientEraseCommand, patientExportCommand } from './patientGdpr';
import { restoreCommand } from './restore';
import { serveCommand } from './serve';
import { smsSegmentsCommand } from './smsSegments';
import { usersAddCommand, usersDisableCommand, usersListCommand, usersPasswordCommand, usersRoleCommand } from './users';
import { remindersCommand } from './reminders';
import { statsCommand } from './stats';

/** Every `clinic-desk` command. A new command registers here with one line. */
export const commands: Command[] = [
  initCommand,
  serveCommand,
  benchCommand,
  backupCommand,
  restoreCommand,
  doctorCommand,
  importAppointmentsCommand,
  importCallsCommand,
  smsSegmentsCommand,
  usersAddCommand,
  usersListCommand,
  usersRoleCommand,
  usersDisableCommand,
  usersPasswordCommand,
  remindersCommand,
  statsCommand,
  patientExportCommand,
  patientEraseCommand,
  machineConfigCommand,
];
