import path from 'node:path';
import { TZDate } from '@date-fns/tz';
import { app, BrowserWindow, ipcMain, Menu, Tray, nativeImage, safeStorage, session } from 'electron';
import { createApp, type App } from '../app/createApp';
import { prepareDemoFolder } from '../app/demoMode';
import { readSetting } from '../db/repositories/settings';
import { DEMO_CLINIC } from '../domain/demo/demoPeople';
import { getClinicSettings } from '../domain/settings/clinicSettings';
import { resolveDataDir } from '../host/dataDir';
import { CSP } from '../host/hostServer';
import { toWireError } from '../host/httpErrors';
import { electronSqliteBinding } from './nativeBinding';
import { startDesktopNotifications } from './notifications';
import { createMainWindow, createWaitingRoomWindow } from './windows';
import { isClinicConfigured } from './firstRun';
import { runCli } from '../cli/main';

const NOTIFY_TEXT = {
  it: { missedCall: 'Chiamata persa', attachment: 'Ha inviato un allegato' },
  pl: { missedCall: 'Nieodebrane połączenie', attachment: 'Wysłano załącznik' },
  en: { missedCall: 'Missed call', attachment: 'Sent an attachment' },
} as const;

app.setName('Clinic Desk');
app.setAppUserModelId('com.clinicdesk.app');
app.enableSandbox();

const nativeBinding = electronSqliteBinding(app.getAppPath(), process.resourcesPath, app.isPackaged);
if (nativeBinding) process.env.CLINIC_DESK_SQLITE_BINDING = nativeBinding;
const cliAt = process.argv.indexOf('--cli');

if (cliAt >= 0) {
  // The installed app doubles as the IT command line: "Clinic Desk.exe" --cli backup, doctor, serve …
  void runCli(process.argv.slice(cliAt + 1)).then((code) => app.exit(code));
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  let tray: Tray | null = null;
  let desk: App | null = null;

  const showMain = (): void => {
    if (!mainWindow || mainWindow.isDestroyed()) mainWindow = createMainWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };

  app.on('second-instance', showMain);

  app.whenReady().then(async () => {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
    });
    session.defaultSession.setPermissionRequestHandler((_wc, permission, grant) => grant(permission === 'notifications'));

    const args = process.argv;
    const flag = (name: string): string | undefined => {
      const i = args.indexOf(name);
      return i >= 0 ? args[i + 1] : undefined;
    };
    const userData = app.getPath('userData');
    const explicitData = flag('--data');
    // No clinic configured yet and no folder chosen: open the demo clinic, as the README promises.
    const demo = args.includes('--demo') || (!explicitData && !process.env.CLINIC_DESK_DATA && !isClinicConfigured(userData));
    const dataDir = resolveDataDir({ flag: explicitData, demo, base: userData });
    if (demo) prepareDemoFolder(dataDir, new TZDate(Date.now(), DEMO_CLINIC.timeZone).toISOString().slice(0, 10));
    // Every secret at rest (WhatsApp keys, SMS credentials, the AMI secret) is sealed by the OS key store
    // (DPAPI, Keychain, libsecret) when it can encrypt; else by the data folder's secrets.key.
    const osKeystore = safeStorage.isEncryptionAvailable() ? safeStorage : null;
    desk = await createApp({ dataDir, demo: demo ? { simulate: true } : false, osKeystore, program: 'Clinic Desk (desktop app)' });
    const current = desk;

    ipcMain.handle('desk:call', async (event, method: unknown, params: unknown) => {
      // Only our own pages may call: never a page that somehow got loaded from elsewhere.
      const url = event.senderFrame?.url ?? '';
      if (!url.startsWith('file://') && !(process.env.ELECTRON_RENDERER_URL && url.startsWith(process.env.ELECTRON_RENDERER_URL))) {
        return { error: { code: 'forbidden', message: 'Calls are only accepted from Clinic Desk windows' } };
      }
      try {
        return { result: await current.call(String(method), params, { user: 'desk' }) };
      } catch (err) {
        return { error: toWireError(err).error };
      }
    });
    current.ctx.events.onAny((name, payload) => {
      for (const win of BrowserWindow.getAllWindows()) win.webContents.send('desk:event', name, payload);
    });
    ctxStop = startDesktopNotifications({
      db: current.ctx.db,
      events: current.ctx.events,
      windowFocused: () => BrowserWindow.getFocusedWindow() !== null,
      doNotDisturb: () => readSetting<boolean>(current.ctx.db, 'desk.doNotDisturb') === true,
      now: () => current.ctx.clock.now(),
      texts: () => NOTIFY_TEXT[getClinicSettings(current.ctx.db).uiLanguage],
      open: (conversationId) => {
        showMain();
        current.ctx.events.emit('app.openConversation', { conversationId });
      },
      iconPath: path.join(process.resourcesPath, 'icon.png'),
    });

    mainWindow = createMainWindow();
    tray = new Tray(nativeImage.createFromPath(app.isPackaged ? path.join(process.resourcesPath, 'tray.png') : path.join(__dirname, '../../resources/tray.png')));
    tray.setToolTip('Clinic Desk');
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Clinic Desk', click: showMain },
        { label: 'Sala d’attesa / Waiting room', click: () => createWaitingRoomWindow() },
        { type: 'separator' },
        { label: 'Esci / Quit', role: 'quit' },
      ]),
    );
    tray.on('click', showMain);
  });

  let ctxStop: (() => void) | null = null;
  app.on('window-all-closed', () => {
    // The desk keeps receiving in the tray; quitting is explicit.
    if (process.platform !== 'darwin' && !tray) app.quit();
  });
  app.on('activate', showMain);
  app.on('before-quit', () => {
    ctxStop?.();
    void desk?.stop();
  });
}
