import { api, type MethodName } from '../contract';
import { DeskError } from '../domain/shared/errors';
import { roleAtLeast } from '../domain/users/roles';
import type { CallContext } from './area';

/**
 * The contract's rights, enforced where every transport ends (host, IPC, CLI): a guest reaches public
 * methods only, a signed-in person the methods their role allows. A caller without a role is a trusted
 * local one (a CLI command, a test) and passes; the host and the desktop app always set one.
 */
/** What the desk says when a role is too low: the role the action needs. */
const NEEDS = {
  receptionist: 'errors-detail:needsRole.receptionist',
  manager: 'errors-detail:needsRole.manager',
  admin: 'errors-detail:needsRole.admin',
} as const;

export function checkAllowed(name: MethodName, who: CallContext): void {
  const spec = api[name];
  if (who.guest) {
    if (!spec.public) throw new DeskError('unauthorized', 'Sign in to Clinic Desk', { reason: 'errors-detail:signIn' });
    return;
  }
  const need = spec.role;
  if (need && who.role !== undefined && !roleAtLeast(who.role, need)) {
    throw new DeskError('forbidden', `${name} needs the ${need} role; you are signed in as ${who.role}`, { details: { need, have: who.role }, reason: NEEDS[need] });
  }
}
