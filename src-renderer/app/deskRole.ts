import { create } from 'zustand';
import type { Role } from '../../src-main/contract/define';
import { fetchSession } from '../api/session';
import { useApp } from '../stores/appStore';
import { roleOf } from './roles';

export { mayOpen } from './roles';

/**
 * The signed-in person's role in a browser comes from the host's session (`/auth/session`); an open desk (no
 * personal logins) and the desktop window are trusted (see roles.ts). Until the session is known a browser is
 * treated as a receptionist, so a manager's screen never flashes on a receptionist's PC.
 */
const useSession = create<{ loaded: boolean; role: Role | null }>(() => ({ loaded: false, role: null }));
let asked = false;

function askSession(): void {
  if (asked) return;
  asked = true;
  // The desktop window asks its own sign-in (per window, through the preload); a browser asks the host.
  const session = window.desk ? window.desk.session() : fetchSession();
  session
    .then((s) => useSession.setState({ loaded: true, role: s.user && !s.openDesk ? s.user.role : null }))
    .catch(() => useSession.setState({ loaded: true }));
}

export const useDeskRole = (): Role => {
  askSession();
  const { loaded, role } = useSession();
  const info = useApp((s) => s.info);
  if (!loaded) return 'receptionist';
  return role ?? roleOf(info);
};
