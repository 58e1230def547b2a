import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DeskBridge } from './bridge';

/**
 * The only door from the renderer to the main process: one call channel and one event channel.
 * Method names and payloads are validated in main against the contract; nothing else is exposed.
 */
const bridge: DeskBridge = {
  call: (method, params) => ipcRenderer.invoke('desk:call', method, params),
  on: (listener) => {
    const handler = (_e: IpcRendererEvent, event: string, payload: unknown): void => listener(event, payload);
    ipcRenderer.on('desk:event', handler);
    return () => ipcRenderer.off('desk:event', handler);
  },
  platform: process.platform,
  openProfile: (profile) => ipcRenderer.invoke('desk:profile', profile === 'demo' ? 'demo' : 'real'),
  session: () => ipcRenderer.invoke('desk:session'),
  signIn: (name, password) => ipcRenderer.invoke('desk:signIn', name, password),
  signOut: () => ipcRenderer.invoke('desk:signOut'),
  shell: (request) => ipcRenderer.invoke('desk:shell', request),
};

contextBridge.exposeInMainWorld('desk', bridge);
