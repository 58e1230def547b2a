import path from 'node:path';
import { BrowserWindow, shell } from 'electron';

const PRELOAD = path.join(__dirname, '../preload/index.js');
const RENDERER = path.join(__dirname, '../renderer/index.html');

/** Every window: isolated, sandboxed, no Node, no navigation away, no pop-ups (external https links go to the browser). */
function hardened(win: BrowserWindow): BrowserWindow {
  win.webContents.on('will-navigate', (event, url) => {
    if (url !== win.webContents.getURL()) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    // The day board's "waiting-room screen" button: our own full-screen window, never a pop-up.
    else if (url.endsWith('#/waiting-room')) createWaitingRoomWindow();
    return { action: 'deny' };
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  return win;
}

function load(win: BrowserWindow, route: string): void {
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (devServer) void win.loadURL(`${devServer}#${route}`);
  else void win.loadFile(RENDERER, { hash: route });
}

const webPreferences = {
  preload: PRELOAD,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  spellcheck: true,
} as const;

export function createMainWindow(): BrowserWindow {
  const win = hardened(
    new BrowserWindow({ width: 1360, height: 860, minWidth: 980, minHeight: 600, show: false, title: 'Clinic Desk', backgroundColor: '#f6f7f9', webPreferences }),
  );
  win.once('ready-to-show', () => win.show());
  load(win, '/inbox');
  return win;
}

/** The waiting-room screen for a second monitor or the TV: full screen, no patient names. */
export function createWaitingRoomWindow(): BrowserWindow {
  const win = hardened(new BrowserWindow({ width: 1280, height: 720, fullscreen: true, autoHideMenuBar: true, title: 'Clinic Desk — Sala d’attesa', backgroundColor: '#0b1220', webPreferences }));
  load(win, '/waiting-room');
  return win;
}
