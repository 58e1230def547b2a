import type { Role } from '../../src-main/contract/define';
import { useApp } from '../stores/appStore';
import { roleOf } from './roles';

export { mayOpen } from './roles';

/** The signed-in person's role, from app.info (see roles.ts). */
export const useDeskRole = (): Role => useApp((s) => roleOf(s.info));
