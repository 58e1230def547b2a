import { ROLES, type Role } from '../../src-main/contract/define';

/**
 * The signed-in person's role, for hiding screens they may not use (the host enforces it anyway). Read from
 * `app.info` (`role`, or `user.role`) as soon as the trust work (issue 12) puts it there; until personal logins
 * exist every desk is trusted, so a missing role means the desk may see everything.
 */
export function roleOf(info: unknown): Role {
  const i = (info ?? {}) as { role?: unknown; user?: { role?: unknown } | null };
  const r = i.role ?? i.user?.role;
  return (ROLES as readonly unknown[]).includes(r) ? (r as Role) : 'admin';
}

/** Whether `role` includes `required` (receptionist < manager < admin). */
export const mayOpen = (required: Role | undefined, role: Role): boolean => !required || ROLES.indexOf(role) >= ROLES.indexOf(required);
