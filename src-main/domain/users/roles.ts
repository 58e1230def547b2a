import { ROLES, type Role } from '../../contract/define';

/** receptionist < manager < admin: each role may do what the ones before it may. */
export const roleAtLeast = (have: Role | undefined, need: Role): boolean => have !== undefined && ROLES.indexOf(have) >= ROLES.indexOf(need);
