import { create } from 'zustand';
import type { Response } from '../../src-main/contract';
import { desk, onConnectionState, type ConnectionState } from '../api/client';
import { syncServerClock } from '../api/serverClock';

type AppInfo = Response<'app.info'>;

interface AppState {
  info: AppInfo | null;
  connection: ConnectionState;
  load(): Promise<AppInfo>;
}

export const useApp = create<AppState>((set) => ({
  info: null,
  connection: window.desk ? 'online' : 'connecting',
  load: async () => {
    const info = await desk.call('app.info', {});
    syncServerClock(info.now);
    set({ info });
    return info;
  },
}));

onConnectionState((connection) => useApp.setState({ connection }));
desk.on('settings.updated', (settings) => {
  const info = useApp.getState().info;
  if (info) useApp.setState({ info: { ...info, settings } });
});
