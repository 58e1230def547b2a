import { z } from 'zod';
import { epochMs, id } from './common';
import { method, ROLES, type MethodMap } from './define';

export const role = z.enum(ROLES);

export const deskUser = z.object({
  id,
  name: z.string(),
  displayName: z.string().nullable(),
  role,
  createdAt: epochMs,
  lastLoginAt: epochMs.nullable(),
  disabled: z.boolean(),
});
export type DeskUserDto = z.infer<typeof deskUser>;

const userName = z.string().trim().min(1, 'the name is empty').max(80);
const password = z.string().min(1, 'the password is empty').max(200);

/** Personal desk logins, managed by an admin (Settings → Users). Sign-in itself is not an API method: see host/authRoutes.ts. */
export const usersApi = {
  'users.list': method(z.object({}).strict(), z.object({ users: z.array(deskUser) }), { role: 'admin' }),
  'users.create': method(z.object({ name: userName, role, password }).strict(), z.object({ user: deskUser }), { role: 'admin' }),
  'users.setRole': method(z.object({ userId: id, role }).strict(), z.object({ user: deskUser }), { role: 'admin' }),
  'users.setDisabled': method(z.object({ userId: id, disabled: z.boolean() }).strict(), z.object({ user: deskUser }), { role: 'admin' }),
  'users.setPassword': method(z.object({ userId: id, password }).strict(), z.object({ user: deskUser }), { role: 'admin' }),
} satisfies MethodMap;
