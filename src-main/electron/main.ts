import path from 'node:path';
import { TZDate } from '@date-fns/tz';
import { app, BrowserWindow, clipboard, ipcMain, Menu, Tray, nativeImage, safeStorage, session } from 'electron';
import { prepareDemoFolder } from '../app/demoMode';
import { unwrapDeskKey } from '../app/deskKey';
import { createLogger, type DeskLog } from '../app/logger';
import { loadMachineConfig } from '../app/machineConfig';
import type { CallOutcome } from '../backend/backendClient';
import type { ShareOptions } from '../backend/protocol';
import { RemoteDesk } from '../backend/remoteDesk';
import { DEMO_CLINIC } from '../domain/demo/demoPeople';
import { resolveDataDir } from '../host/dataDir';
import { CSP } from '../host/hostServer';
import { runCli } from '../cli/main';
import { startBackendProcess, type RunningBackend } from './backendProcess';
import { electronSqliteBinding } from './nativeBinding';
import { readShellPrefs, writeShellPrefs, type ShellPrefs } from './shellPrefs';
import { showNotification } from './showNotification';
import { startUpdates } from './updates';
import { createMainWindow, createWaitingRoomWindow } from './windows';
import { version } from '../../package.json';

app.setName('Clinic Desk');
app.setAppUserModelId('com.clinicdesk.app');
app.enableSandbox();

const nativeBinding = electronSqliteBinding(app.getAppPath(), process.resourcesPath, app.isPackaged);
if (nativeBinding) process.env.CLINIC_DESK_SQLITE_BINDING = nativeBinding;
const cliAt = process.argv.indexOf('--cli');

if (cliAt >= 0) {
  // The installed app doubles as the IT command line: "Clinic Desk.exe" --cli backup, doctor, init, serve …
  void runCli(process.argv.slice(cliAt + 1)).then((code) => app.exit(code));
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  runShell();
}

/**
 * The desktop shell: windows, tray, notifications and IPC forwarding only. The clinic (database, services,
 * channels, LAN sharing) runs in the backend utility process; a second desk forwards to the main desk instead.
 */
function runShell(): void {
  let mainWindow: BrowserWindow | null = null;
  let tray: Tray | null = null;
  let backend: RunningBackend | null = null;
  let remote: RemoteDesk | null = null;
  let quitting = false;
  let log: DeskLog | null = null;
  let updates: ReturnType<typeof startUpdates> | null = null;
  const prefsDir = app.getPath('userData');
  let prefs: ShellPrefs = readShellPrefs(prefsDir);
  const machine = loadMachineConfig();
  const args = process.argv;
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const savePrefs = (next: ShellPrefs): void => {
    prefs = next;
    writeShellPrefs(prefsDir, next);
  };
  const logLine = (level: 'info' | 'warn' | 'error', message: string): void => {
    log?.log[level](message);
    if (level === 'error') console.error(`[clinic-desk] ${message}`);
  };

  process.on('uncaughtException', (err) => logLine('error', `main uncaught: ${err.stack ?? err.message}`));
  process.on('unhandledRejection', (err) => logLine('error', `main unhandled rejection: ${(err as Error)?.stack ?? String(err)}`));

  const showMain = (): void => {
    if (!mainWindow || mainWindow.isDestroyed()) mainWindow = createMainWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };
  const broadcast = (event: string, payload: unknown): void => {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send('desk:event', event, payload);
  };

  const profileDataDir = (profile: 'real' | 'demo'): string => {
    const explicit = flag('--data');
    return explicit && profile === 'demo' ? path.join(path.resolve(explicit), 'demo') : resolveDataDir({ flag: explicit, demo: profile === 'demo' });
  };
  const shareOptions = (): ShareOptions | null => {
    const share = prefs.share ?? (machine.ok && machine.config.share ? { enabled: machine.config.share.enabled, port: machine.config.share.port } : undefined);
    return share?.enabled ? { host: machine.ok && machine.config.share ? machine.config.share.host : '0.0.0.0', port: share.port } : null;
  };

  async function startLocal(profile: 'real' | 'demo'): Promise<void> {
    const dataDir = profileDataDir(profile);
    if (profile === 'demo') prepareDemoFolder(dataDir, new TZDate(Date.now(), DEMO_CLINIC.timeZone).toISOString().slice(0, 10));
    log = createLogger(dataDir, 'main');
    log.log.info({ profile, version }, 'desk starting');
    // Windows keeps the clinic per machine: a per-user key store (DPAPI) would lock the other accounts out,
    // so there the data folder's secrets.key (protected by the folder's ACL) seals the secrets.
    const keystore = process.platform !== 'win32' && safeStorage.isEncryptionAvailable() ? safeStorage : null;
    const deskKey = keystore ? unwrapDeskKey(dataDir, keystore) : null;
    const options = {
      dataDir,
      demo: profile === 'demo',
      ...(deskKey ? { deskKey } : {}),
      ...(nativeBinding ? { nativeBinding } : {}),
      share: profile === 'real' ? shareOptions() : null,
      rendererDir: path.join(__dirname, '../renderer'),
      notifications: true,
    };
    const started = await startBackendProcess(options, logLine, (code) => {
      if (quitting || backend !== started) return;
      // A crashed backend is restarted; the window keeps working once it is back.
      logLine('error', `backend exited with code ${code}; restarting`);
      backend = null;
      setTimeout(() => void startLocal(profile).then(() => broadcast('connection.restored', {})), 1000);
    });
    started.client.on(broadcast);
    started.client.onNotify = (n) => showNotification(n, process.resourcesPath, () => {
      showMain();
      broadcast('app.openConversation', { conversationId: n.conversationId });
    });
    backend = started;
  }

  async function stopLocal(): Promise<void> {
    const b = backend;
    backend = null;
    if (!b) return;
    const clean = await b.client.stop(15_000);
    if (!clean) {
      logLine('warn', 'backend did not stop within 15 s; ending it');
      b.child.kill();
    }
  }

  function connectRemote(url: string, user: string, password: string, fingerprint256?: string): void {
    remote?.close();
    remote = new RemoteDesk(url, user, password, fingerprint256);
    remote.on(broadcast);
    remote.onState((state) => broadcast('connection.state', { state }));
  }

  const starting = { error: { code: 'channel_unavailable', message: 'The desk is starting; try again in a moment' } } as const;
  const call = (windowId: number, method: string, params: unknown): Promise<CallOutcome> => {
    if (remote) return remote.call(method, params);
    if (!backend) return Promise.resolve(starting);
    // The backend decides the person and role from this window's desktop sign-in.
    return backend.client.call(method, params, windowId);
  };
  const deskSession = async (windowId: number): Promise<unknown> => {
    // A connected desk works as its configured user on the main desk: the main desk says who that is.
    if (remote) return remote.session();
    if (!backend) return { signedIn: false, openDesk: false, user: null };
    return backend.client.session(windowId);
  };
  const deskSignIn = async (windowId: number, name: unknown, password: unknown): Promise<unknown> => {
    if (remote) return { error: { code: 'conflict', message: 'This desk signs in to the main desk with the login set in Settings → This desk' } };
    if (!backend) return starting;
    if (typeof name !== 'string' || typeof password !== 'string') return { error: { code: 'invalid_input', message: 'name and password are text' } };
    return backend.client.signIn(windowId, name, password);
  };
  const deskSignOut = async (windowId: number): Promise<void> => {
    if (!remote && backend) await backend.client.signOut(windowId);
  };

  async function switchProfile(profile: 'real' | 'demo'): Promise<void> {
    await stopLocal();
    savePrefs({ ...prefs, profile });
    await startLocal(profile);
    for (const win of BrowserWindow.getAllWindows()) win.webContents.reload();
  }

  function updateLine(): string {
    const u = updates?.state();
    if (!u) return 'not started';
    if (!u.mode.on) return `off (${u.mode.reason})`;
    const when = (t: number | null): string => (t ? new Date(t).toISOString() : '-');
    return `${u.mode.channel}; last check ${when(u.lastCheckAt)}, next ${when(u.nextCheckAt)}; ${u.downloaded ? `${u.downloaded} installs on quit` : u.available ? `downloading ${u.available}` : 'up to date'}${u.lastError ? `; last error: ${u.lastError}` : ''}`;
  }

  async function diagnostics(): Promise<string> {
    const facts = backend ? await backend.client.diagnostics() : null;
    return [
      `Clinic Desk ${version} (${app.isPackaged ? 'installed' : 'development'})`,
      `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}, ${process.platform} ${process.arch}`,
      `Profile: ${remote ? `connected to the main desk ${remote.url} (${remote.state})` : prefs.profile}`,
      `Data folder: ${facts?.dataDir ?? '-'}`,
      `Machine configuration: ${machine.file} (${machine.ok ? 'ok' : `ignored: ${machine.error}`})`,
      `Native module: ${facts?.nativeBinding ?? 'node_modules build'}; SQLite ${facts?.sqlite ?? '-'}`,
      `Backend: pid ${facts?.pid ?? '-'}, up ${facts?.uptimeS ?? '-'} s, ${facts?.rssMb ?? '-'} MB; sharing ${facts?.sharing ?? 'off'}`,
      `Start at login: ${app.getLoginItemSettings().openAtLogin ? 'on' : 'off'}`,
      `Updates: ${updateLine()}`,
      '',
      'Doctor:',
      ...(facts?.doctor ?? []),
      '',
      'Last log lines (patient data redacted):',
      ...(facts?.logTail ?? []),
    ].join('\n');
  }

  function applyStartAtLogin(): void {
    // On by default for the main desk, off for a connected desk; only an installed app registers itself.
    const on = prefs.startAtLogin ?? !prefs.mainDesk;
    if (app.isPackaged) app.setLoginItemSettings({ openAtLogin: on, args: ['--hidden'] });
  }

  type ShellAction =
    | { action: 'state' }
    | { action: 'startAtLogin'; value: boolean }
    | { action: 'share'; enabled: boolean; port?: number }
    | { action: 'connect'; url: string; user: string; password: string; fingerprint?: string }
    | { action: 'disconnect' }
    | { action: 'copyDiagnostics' };

  async function shell(req: ShellAction): Promise<unknown> {
    switch (req.action) {
      case 'state':
        return {
          profile: prefs.profile,
          startAtLogin: prefs.startAtLogin ?? !prefs.mainDesk,
          sharing: backend?.options.share ? ((await backend.client.diagnostics()).sharing ?? null) : null,
          sharePort: prefs.share?.port ?? 4780,
          mainDesk: prefs.mainDesk ? { url: prefs.mainDesk.url, user: prefs.mainDesk.user, fingerprint256: prefs.mainDesk.fingerprint256 ?? null, state: remote?.state ?? 'offline' } : null,
          configFile: machine.file,
          updates: updates?.state() ?? null,
        };
      case 'startAtLogin':
        savePrefs({ ...prefs, startAtLogin: Boolean(req.value) });
        applyStartAtLogin();
        return { ok: true };
      case 'share': {
        if (!backend) return { error: { code: 'conflict', message: 'Only the main desk (with its own clinic) can share' } };
        savePrefs({ ...prefs, share: { enabled: Boolean(req.enabled), port: Number(req.port ?? prefs.share?.port ?? 4780) } });
        const shared = await backend.client.share(shareOptions());
        // Refused (e.g. errors-desk:shareNeedsAdmin): remember it as off, or the next start would try again.
        if (shared.error) savePrefs({ ...prefs, share: { enabled: false, port: prefs.share?.port ?? 4780 } });
        backend.options.share = shareOptions();
        return shared.error ? { error: shared.error } : shared;
      }
      case 'connect': {
        if (!safeStorage.isEncryptionAvailable()) return { error: { code: 'conflict', message: 'This PC has no OS key store to keep the login' } };
        // https with the main desk's own certificate: the SHA-256 fingerprint IT read out from `serve --tls`.
        const fingerprint = typeof req.fingerprint === 'string' && req.fingerprint.trim() ? req.fingerprint.trim() : undefined;
        savePrefs({
          ...prefs,
          mainDesk: { url: String(req.url), user: String(req.user), sealedPassword: safeStorage.encryptString(String(req.password)).toString('base64'), ...(fingerprint ? { fingerprint256: fingerprint } : {}) },
        });
        await stopLocal();
        connectRemote(String(req.url), String(req.user), String(req.password), fingerprint);
        for (const win of BrowserWindow.getAllWindows()) win.webContents.reload();
        return { ok: true };
      }
      case 'disconnect': {
        const { mainDesk: _gone, ...rest } = prefs;
        savePrefs(rest);
        remote?.close();
        remote = null;
        await startLocal(prefs.profile);
        for (const win of BrowserWindow.getAllWindows()) win.webContents.reload();
        return { ok: true };
      }
      case 'copyDiagnostics': {
        const text = await diagnostics();
        clipboard.writeText(text);
        return { ok: true, text };
      }
    }
  }

  app.on('second-instance', showMain);

  app.whenReady().then(async () => {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
    });
    session.defaultSession.setPermissionRequestHandler((_wc, permission, grant) => grant(permission === 'notifications'));

    const ours = (url: string): boolean => url.startsWith('file://') || Boolean(process.env.ELECTRON_RENDERER_URL && url.startsWith(process.env.ELECTRON_RENDERER_URL));
    ipcMain.handle('desk:call', async (event, method: unknown, params: unknown) => {
      // Only our own pages may call: never a page that somehow got loaded from elsewhere.
      if (!ours(event.senderFrame?.url ?? '')) return { error: { code: 'forbidden', message: 'Calls are only accepted from Clinic Desk windows' } };
      return call(event.sender.id, String(method), params);
    });
    // Per-window desktop sign-in: the token stays in the backend, keyed by the window's webContents id.
    ipcMain.handle('desk:session', async (event) => {
      if (!ours(event.senderFrame?.url ?? '')) return { signedIn: false, openDesk: false, user: null };
      return deskSession(event.sender.id);
    });
    ipcMain.handle('desk:signIn', async (event, name: unknown, password: unknown) => {
      if (!ours(event.senderFrame?.url ?? '')) return { error: { code: 'forbidden', message: 'Calls are only accepted from Clinic Desk windows' } };
      const sender = event.sender;
      if (!sender.listenerCount('destroyed')) sender.once('destroyed', () => void deskSignOut(sender.id));
      return deskSignIn(sender.id, name, password);
    });
    ipcMain.handle('desk:signOut', async (event) => {
      if (!ours(event.senderFrame?.url ?? '')) return;
      await deskSignOut(event.sender.id);
    });
    ipcMain.handle('desk:profile', async (event, profile: unknown) => {
      if (!ours(event.senderFrame?.url ?? '')) return;
      await switchProfile(profile === 'demo' ? 'demo' : 'real');
    });
    ipcMain.handle('desk:shell', async (event, req: unknown) => {
      if (!ours(event.senderFrame?.url ?? '') || typeof req !== 'object' || req === null) return { error: { code: 'forbidden', message: 'not allowed' } };
      return shell(req as ShellAction);
    });

    const configuredMain = prefs.mainDesk ?? null;
    if (configuredMain && safeStorage.isEncryptionAvailable()) {
      connectRemote(configuredMain.url, configuredMain.user, safeStorage.decryptString(Buffer.from(configuredMain.sealedPassword, 'base64')), configuredMain.fingerprint256);
    } else {
      await startLocal(prefs.profile);
    }
    applyStartAtLogin();
    // Checks soon after start and daily, downloads in the background, installs on quit; IT's "off" wins.
    // Settings → This desk follows the updater live (checking, percent, ready on quit, a translated failure).
    updates = startUpdates(machine, (level, message) => logLine(level, message), (state) => broadcast('updates.state', state));

    if (!args.includes('--hidden')) mainWindow = createMainWindow();
    mainWindow?.on('focus', () => backend?.client.focus(true));
    mainWindow?.on('blur', () => backend?.client.focus(false));
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
    if (process.env.CLINIC_DESK_SMOKE) installSmokeHooks();
  });

  /** Hooks the packaged-app smoke test (test/electron) reads through Playwright's app.evaluate. */
  function installSmokeHooks(): void {
    const g = globalThis as Record<string, unknown>;
    g.clinicDeskSmoke = async () => {
      const facts = backend ? await backend.client.diagnostics() : null;
      return { tray: tray !== null && !tray.isDestroyed(), backendReady: facts !== null, sqliteVersion: facts?.sqlite ?? null, nativeBinding: facts?.nativeBinding ?? null };
    };
    g.clinicDeskSmokeRoundTrip = async () => {
      // A second, throw-away demo backend: the simulated channel delivers and the receipt comes back.
      const dataDir = path.join(profileDataDir('real'), 'smoke-demo');
      prepareDemoFolder(dataDir, new TZDate(Date.now(), DEMO_CLINIC.timeZone).toISOString().slice(0, 10));
      const demo = await startBackendProcess({ dataDir, demo: true, ...(nativeBinding ? { nativeBinding } : {}) }, logLine, () => undefined);
      try {
        const list = (await demo.client.call('inbox.list', { limit: 1 }, 0)).result as { items: { id: number }[] };
        const conversationId = list.items[0]!.id;
        const delivered = new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), 30_000);
          demo.client.on((event, payload) => {
            const m = (payload as { message?: { body?: string; status?: string } }).message;
            if (event === 'message.updated' && m?.body === 'smoke test' && (m.status === 'delivered' || m.status === 'read')) {
              clearTimeout(timer);
              resolve(true);
            }
          });
        });
        const sent = await demo.client.call('message.send', { conversationId, body: 'smoke test' }, 0);
        return { sent: !sent.error, delivered: await delivered };
      } finally {
        await demo.client.stop();
      }
    };
  }

  app.on('window-all-closed', () => {
    // The desk keeps receiving in the tray; quitting is explicit.
    if (process.platform !== 'darwin' && !tray) app.quit();
  });
  app.on('activate', showMain);
  app.on('before-quit', (event) => {
    if (quitting) return;
    // Quit waits for a clean stop: the outbox finishes its send, channels close, the database checkpoints.
    event.preventDefault();
    quitting = true;
    updates?.stop();
    remote?.close();
    void stopLocal()
      .then(() => log?.log.info('desk stopped cleanly'))
      .then(() => log?.close())
      .finally(() => app.exit(0));
  });
}
