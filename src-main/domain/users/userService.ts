import { ROLES, type Role } from '../../contract/define';
import type { Db } from '../../db/database';
import { writeAudit } from '../../db/repositories/audit';
import {
  countActiveUsers,
  deleteUserSessions,
  insertUser,
  listUsers as listUserRows,
  setUserDisabled,
  setUserPasswordHash,
  setUserRole,
  userById,
  userByName,
  type UserRow,
} from '../../db/repositories/users';
import type { Clock } from '../shared/clock';
import { DeskError, invalidInput, notFound } from '../shared/errors';
import { hashPassword, verifyPassword } from './passwordHash';
import { MIN_PASSWORD_LENGTH, PASSWORD_PROBLEM_TEXT, passwordProblem } from './passwordRules';

/** A desk account as the rest of the app sees it: never the hash. */
export interface DeskUser {
  id: number;
  name: string;
  displayName: string | null;
  role: Role;
  createdAt: number;
  lastLoginAt: number | null;
  disabled: boolean;
}

/** Errors are values here: the set-up wizard and the CLI show them without a try/catch. */
export type UserResult = { user: DeskUser; error?: undefined } | { user?: undefined; error: DeskError };

const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._'-]{0,79}$/u;

export const toDeskUser = (r: UserRow): DeskUser => ({
  id: r.id,
  name: r.name,
  displayName: r.displayName,
  role: r.role,
  createdAt: r.createdAt,
  lastLoginAt: r.lastLoginAt,
  disabled: r.disabledAt !== null,
});

function checkPassword(password: string, name: string): DeskError | null {
  const problem = passwordProblem(password, name);
  return problem ? new DeskError('invalid_input', `password: ${PASSWORD_PROBLEM_TEXT[problem]}`, { field: 'password', details: { problem }, reason: `users:errors.password.${problem}`, params: { min: MIN_PASSWORD_LENGTH } }) : null;
}

export async function createUser(
  db: Db,
  clock: Clock,
  input: { name: string; role: Role; password: string; displayName?: string | null },
  actor = 'system',
): Promise<UserResult> {
  const name = input.name.trim();
  if (!NAME.test(name)) return { error: invalidInput('name', 'a user name is 1 to 80 letters, digits, spaces, dots, dashes or apostrophes, starting with a letter or digit', { reason: 'errors-detail:userName' }) };
  if (!ROLES.includes(input.role)) return { error: invalidInput('role', `one of ${ROLES.join(', ')}`, { reason: 'errors-fields:notAChoice', params: { field: 'role' } }) };
  const weak = checkPassword(input.password, name);
  if (weak) return { error: weak };
  if (userByName(db, name)) return { error: new DeskError('conflict', `a user named "${name}" already exists`, { field: 'name', reason: 'users:errors.nameTaken', params: { name } }) };
  // The first login closes the open desk: it must be an admin, or nobody could manage users afterwards.
  if (input.role !== 'admin' && countActiveUsers(db, 'admin') === 0) return { error: new DeskError('conflict', 'the first login must be an admin', { field: 'role', reason: 'users:errors.firstMustBeAdmin' }) };
  const passwordHash = await hashPassword(input.password);
  // Checked again after the await: two admins adding the same name at once get one row and one conflict.
  if (userByName(db, name)) return { error: new DeskError('conflict', `a user named "${name}" already exists`, { field: 'name', reason: 'users:errors.nameTaken', params: { name } }) };
  const now = clock.now();
  const id = db.transaction(() => {
    const newId = insertUser(db, now, { name, displayName: input.displayName ?? null, role: input.role, passwordHash });
    writeAudit(db, now, { actor, action: 'user.create', entity: 'user', entityId: newId, details: { name, role: input.role } });
    return newId;
  })();
  return { user: toDeskUser(userById(db, id)!) };
}

/** The active user with this name and password, or null (unknown, disabled and wrong all look the same). */
export async function verifyUser(db: Db, name: string, password: string): Promise<DeskUser | null> {
  const row = userByName(db, name);
  // Hash anyway for an unknown name, so timing does not tell which names exist.
  const ok = await verifyPassword(password, row?.passwordHash ?? DUMMY_HASH);
  if (!row || !ok || row.disabledAt !== null) return null;
  return toDeskUser(row);
}
const DUMMY_HASH = 'scrypt$N=32768,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export function listUsers(db: Db): DeskUser[] {
  return listUserRows(db).map(toDeskUser);
}

export function getUser(db: Db, id: number): DeskUser | null {
  const row = userById(db, id);
  return row ? toDeskUser(row) : null;
}

/** The desk always keeps one active admin: nobody can lock the clinic out of its own settings. */
function keepsAnAdmin(db: Db, row: UserRow): boolean {
  return !(row.role === 'admin' && row.disabledAt === null && countActiveUsers(db, 'admin') <= 1);
}

export function changeRole(db: Db, clock: Clock, id: number, role: Role, actor: string): UserResult {
  const row = userById(db, id);
  if (!row) return { error: notFound('user', id) };
  if (role !== 'admin' && !keepsAnAdmin(db, row)) return { error: new DeskError('conflict', 'the last admin cannot lose the admin role; make someone else admin first', { field: 'role', reason: 'users:errors.lastAdmin' }) };
  db.transaction(() => {
    setUserRole(db, id, role, clock.now());
    writeAudit(db, clock.now(), { actor, action: 'user.role', entity: 'user', entityId: id, details: { name: row.name, from: row.role, to: role } });
  })();
  return { user: toDeskUser(userById(db, id)!) };
}

export function setDisabled(db: Db, clock: Clock, id: number, disabled: boolean, actor: string): UserResult {
  const row = userById(db, id);
  if (!row) return { error: notFound('user', id) };
  if (disabled && !keepsAnAdmin(db, row)) return { error: new DeskError('conflict', 'the last admin cannot be disabled; make someone else admin first', { reason: 'users:errors.lastAdmin' }) };
  const now = clock.now();
  db.transaction(() => {
    setUserDisabled(db, id, disabled ? now : null, now);
    // A disabled person is signed out everywhere at once.
    if (disabled) deleteUserSessions(db, id);
    writeAudit(db, now, { actor, action: disabled ? 'user.disable' : 'user.enable', entity: 'user', entityId: id, details: { name: row.name } });
  })();
  return { user: toDeskUser(userById(db, id)!) };
}

export async function setPassword(db: Db, clock: Clock, id: number, password: string, actor: string): Promise<UserResult> {
  const row = userById(db, id);
  if (!row) return { error: notFound('user', id) };
  const weak = checkPassword(password, row.name);
  if (weak) return { error: weak };
  const hash = await hashPassword(password);
  const now = clock.now();
  db.transaction(() => {
    setUserPasswordHash(db, id, hash, now);
    deleteUserSessions(db, id);
    writeAudit(db, now, { actor, action: 'user.password', entity: 'user', entityId: id, details: { name: row.name } });
  })();
  return { user: toDeskUser(userById(db, id)!) };
}
