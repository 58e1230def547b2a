import type { Area } from '../../app/area';
import { changeRole, createUser, listUsers, setDisabled, setPassword, type UserResult } from './userService';

const unwrap = (r: UserResult) => {
  if (r.error) throw r.error;
  return { user: r.user };
};

/** Settings → Users: an admin adds people, changes their role, disables them or sets a new password. */
export const usersArea: Area = {
  name: 'users',
  handlers: (ctx) => ({
    'users.list': () => ({ users: listUsers(ctx.db) }),
    'users.create': async ({ name, role, password }, call) => unwrap(await createUser(ctx.db, ctx.clock, { name, role, password }, call.user)),
    'users.setRole': ({ userId, role }, call) => unwrap(changeRole(ctx.db, ctx.clock, userId, role, call.user)),
    'users.setDisabled': ({ userId, disabled }, call) => unwrap(setDisabled(ctx.db, ctx.clock, userId, disabled, call.user)),
    'users.setPassword': async ({ userId, password }, call) => unwrap(await setPassword(ctx.db, ctx.clock, userId, password, call.user)),
  }),
};
