import { create } from 'zustand';

/**
 * A hash router (works under file:// in Electron and over http in host mode). A path route
 * (/waiting-room on the TV browser) is honoured too.
 */
function currentPath(): string {
  const hash = location.hash.replace(/^#/, '');
  if (hash) return hash;
  return location.pathname !== '/' && !location.pathname.endsWith('.html') ? location.pathname : '/inbox';
}

interface RouterState {
  path: string;
  navigate(path: string): void;
}

export const useRouter = create<RouterState>((set) => ({
  path: currentPath(),
  navigate: (path) => {
    if (location.hash !== `#${path}`) location.hash = path;
    set({ path });
  },
}));

window.addEventListener('hashchange', () => useRouter.setState({ path: currentPath() }));

/** "/inbox/42" → ["inbox", "42"] */
export const pathParts = (path: string): string[] => path.split('/').filter(Boolean);
