import { ROLES, type Role } from '../../contract/define';
import { openDatabase } from '../../db/database';
import { databaseFile } from '../../app/createApp';
import { userByName } from '../../db/repositories/users';
import { systemClock } from '../../domain/shared/clock';
import { DeskError, invalidInput } from '../../domain/shared/errors';
import { changeRole, createUser, listUsers, setDisabled, setPassword, type UserResult } from '../../domain/users/userService';
import { resolveDataDir } from '../../host/dataDir';
import { holdDataFolder } from '../../app/dataFolderLock';
import { dataOption, type CliIo, type Command } from '../command';
import { readNewPassword } from '../readPassword';
import { openReadOnly } from '../../db/readOnly';

const roleArg = (value: unknown): Role => {
  if (typeof value !== 'string' || !(ROLES as readonly string[]).includes(value)) throw invalidInput('--role', `one of ${ROLES.join(', ')}`);
  return value as Role;
};

const oneName = (positionals: string[], usage: string): string => {
  if (positionals.length !== 1 || !positionals[0]!.trim()) throw new DeskError('invalid_input', `name one user: clinic-desk ${usage}`, { field: 'name' });
  return positionals[0]!.trim();
};

/** Opens the clinic database for a users command, holding the data folder like every writer does. */
async function withDb<T>(values: Record<string, unknown>, program: string, fn: (db: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  const dataDir = resolveDataDir({ flag: values.data as string | undefined });
  const release = holdDataFolder(dataDir, program);
  const db = openDatabase(databaseFile(dataDir));
  try {
    return await fn(db);
  } finally {
    db.close();
    release();
  }
}

function report(r: UserResult, io: CliIo, done: string): number {
  if (r.error) {
    io.err(`clinic-desk users: ${r.error.message}`);
    return 1;
  }
  io.out(`${done}: ${r.user.name} (${r.user.role}${r.user.disabled ? ', disabled' : ''})`);
  return 0;
}

export const usersAddCommand: Command = {
  name: 'users add',
  summary: 'Create a desk login (the first admin after installing); the password is asked twice, or read from standard input.',
  usage: 'users add NAME --role receptionist|manager|admin [--data DIR]',
  options: { ...dataOption, role: { type: 'string' } },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    const name = oneName(positionals, this.usage);
    const role = roleArg(values.role);
    const password = await readNewPassword();
    return withDb(values, 'clinic-desk users add', async (db) => report(await createUser(db, systemClock, { name, role, password }, 'cli'), io, 'Created'));
  },
};

export const usersListCommand: Command = {
  name: 'users list',
  summary: 'List the desk logins with their roles.',
  usage: 'users list [--data DIR]',
  options: { ...dataOption },
  async run({ values }, io) {
    const dataDir = resolveDataDir({ flag: values.data as string | undefined });
    
    const db = openReadOnly(databaseFile(dataDir));
    try {
      const users = listUsers(db);
      if (users.length === 0) io.out('No desk logins yet. Create the first admin: clinic-desk users add NAME --role admin');
      for (const u of users) io.out(`${u.name.padEnd(24)} ${u.role.padEnd(13)} ${u.disabled ? 'disabled' : 'active'}`);
      return 0;
    } finally {
      db.close();
    }
  },
};

const byName = (db: ReturnType<typeof openDatabase>, name: string): number => {
  const row = userByName(db, name);
  if (!row) throw new DeskError('not_found', `there is no user named "${name}"`);
  return row.id;
};

export const usersRoleCommand: Command = {
  name: 'users role',
  summary: "Change a login's role.",
  usage: 'users role NAME --role receptionist|manager|admin [--data DIR]',
  options: { ...dataOption, role: { type: 'string' } },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    const name = oneName(positionals, this.usage);
    const role = roleArg(values.role);
    return withDb(values, 'clinic-desk users role', async (db) => report(changeRole(db, systemClock, byName(db, name), role, 'cli'), io, 'Changed'));
  },
};

export const usersDisableCommand: Command = {
  name: 'users disable',
  summary: 'Disable a login (signs the person out everywhere); --enable turns it back on.',
  usage: 'users disable NAME [--enable] [--data DIR]',
  options: { ...dataOption, enable: { type: 'boolean' } },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    const name = oneName(positionals, this.usage);
    return withDb(values, 'clinic-desk users disable', async (db) =>
      report(setDisabled(db, systemClock, byName(db, name), values.enable !== true, 'cli'), io, values.enable ? 'Enabled' : 'Disabled'),
    );
  },
};

export const usersPasswordCommand: Command = {
  name: 'users password',
  summary: "Set a new password for a login (signs the person out everywhere).",
  usage: 'users password NAME [--data DIR]',
  options: { ...dataOption },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    const name = oneName(positionals, this.usage);
    const password = await readNewPassword();
    return withDb(values, 'clinic-desk users password', async (db) => report(await setPassword(db, systemClock, byName(db, name), password, 'cli'), io, 'Password changed'));
  },
};
