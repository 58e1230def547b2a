import { createApp, type App } from '../app/createApp';
import { createLogger, lastLogLines, type DeskLog } from '../app/logger';
import { doctorReport } from '../cli/commands/doctor';
import { readSetting } from '../db/repositories/settings';
import { getClinicSettings } from '../domain/settings/clinicSettings';
import { startDesktopNotifications } from '../electron/notifications';
import { aesGcmSecretBox, type OsKeystore } from '../domain/shared/secretBox';
import { startHost, type RunningHost } from '../host/hostServer';
import { toWireError } from '../host/httpErrors';
import { desktopSessions } from './desktopSessions';
import { NOTIFY_TEXT } from './notifyTexts';
import type { BackendFacts, BackendStart, FromBackend, MessageEnd, ShareOptions, ToBackend } from './protocol';

/** The shell's OS-key-store-protected key as the secret box's "OS key store" (the utility process has no safeStorage). */
export function keystoreFromKey(base64: string): OsKeystore {
  const box = aesGcmSecretBox(Buffer.from(base64, 'base64'));
  return { encryptString: (plain) => box.seal(plain), decryptString: (sealed) => box.open(sealed) };
}

export interface BackendHooks {
  /** Called after the database is closed; the process entry exits here. */
  onStopped?(): void;
  startApp?(o: BackendStart): Promise<App>;
}

/**
 * The backend: one process that owns the database, the domain services, the channels, the outbox and,
 * when the desk is shared, the LAN host. It answers the shell's calls, forwards every event, and stops
 * cleanly (outbox, channels, database) on request. Runs the same under Electron and under Node.
 */
export function runBackend(end: MessageEnd<ToBackend, FromBackend>, hooks: BackendHooks = {}): { logError(message: string): void } {
  let app: App | null = null;
  let host: RunningHost | null = null;
  let starting: Promise<void> | null = null;
  let stopping = false;
  let focused = true;
  let started: BackendStart | null = null;
  let logger: DeskLog | null = null;
  let people: ReturnType<typeof desktopSessions> | null = null;
  const early: Extract<ToBackend, { type: 'call' | 'session' }>[] = [];

  const share = async (a: App, o: ShareOptions, rendererDir: string): Promise<RunningHost> => startHost({ app: a, host: o.host, port: o.port, rendererDir });

  const answer = (msg: Extract<ToBackend, { type: 'call' | 'session' }>): void => {
    if (!app || !people) {
      early.push(msg);
      return;
    }
    const a = app;
    const p = people;
    const work = async (): Promise<unknown> => {
      if (msg.type === 'call') return a.call(msg.method, msg.params, p.caller(Number(msg.windowId)));
      const windowId = Number(msg.windowId);
      switch (msg.action.action) {
        case 'info':
          return p.info(windowId);
        case 'signIn':
          return p.signIn(windowId, msg.action.name, msg.action.password);
        case 'signOut':
          p.signOut(windowId);
          return {};
      }
    };
    work()
      .then((result) => end.post({ type: 'result', id: msg.id, result }))
      .catch((err: unknown) => end.post({ type: 'result', id: msg.id, error: toWireError(err).error }));
  };

  const start = async (o: BackendStart): Promise<void> => {
    if (o.nativeBinding) process.env.CLINIC_DESK_SQLITE_BINDING = o.nativeBinding;
    logger = createLogger(o.dataDir, 'backend');
    logger.log.info({ demo: o.demo, share: o.share ?? null }, 'backend starting');
    app = hooks.startApp
      ? await hooks.startApp(o)
      : await createApp({ dataDir: o.dataDir, demo: o.demo ? { simulate: true } : false, osKeystore: o.deskKey ? keystoreFromKey(o.deskKey) : null });
    const a = app;
    people = desktopSessions(a);
    started = o;
    a.ctx.events.onAny((event, payload) => end.post({ type: 'event', event, payload }));
    if (o.notifications) {
      a.ctx.onStop.push(
        startDesktopNotifications({
          db: a.ctx.db,
          events: a.ctx.events,
          now: () => a.ctx.clock.now(),
          windowFocused: () => focused,
          doNotDisturb: () => readSetting<boolean>(a.ctx.db, 'desk.doNotDisturb') === true,
          texts: () => NOTIFY_TEXT[getClinicSettings(a.ctx.db).uiLanguage],
          // The shell shows it and, on a click, opens the conversation.
          show: (n) => end.post({ type: 'notify', ...n }),
          open: () => undefined,
        }),
      );
    }
    if (o.share && o.rendererDir) {
      // A refused share (no admin login yet, port taken) leaves the desk working, unshared; the log says why.
      host = await share(a, o.share, o.rendererDir).catch((err: unknown) => {
        logger?.log.warn({ error: toWireError(err).error }, 'LAN sharing refused at start');
        return null;
      });
    }
    logger.log.info({ sharing: host?.url ?? null }, 'backend ready');
    end.post({ type: 'ready', dataDir: o.dataDir, demo: o.demo, sharing: host ? { url: host.url } : null });
    for (const m of early.splice(0)) answer(m);
  };

  const facts = (): BackendFacts => ({
    node: process.versions.node,
    sqlite: app ? String((app.ctx.db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v) : '',
    nativeBinding: process.env.CLINIC_DESK_SQLITE_BINDING ?? null,
    dataDir: started?.dataDir ?? '',
    demo: started?.demo ?? false,
    sharing: host?.url ?? null,
    pid: process.pid,
    uptimeS: Math.round(process.uptime()),
    rssMb: Math.round(process.memoryUsage().rss / 1048576),
    doctor: started ? doctorReport(started.dataDir).map((l) => `${l.verdict.toUpperCase().padEnd(4)}  ${l.check.padEnd(18)} ${l.detail}`) : [],
    logTail: started ? lastLogLines(started.dataDir, 40) : [],
  });

  const reshare = async (id: number, o: ShareOptions | null): Promise<void> => {
    try {
      await host?.close();
      host = null;
      if (o && app && started?.rendererDir) host = await share(app, o, started.rendererDir);
      logger?.log.info({ sharing: host?.url ?? null }, 'LAN sharing changed');
      end.post({ type: 'shared', id, url: host?.url ?? null });
    } catch (err) {
      end.post({ type: 'shared', id, url: null, error: toWireError(err).error });
    }
  };

  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await starting?.catch(() => undefined);
    await host?.close();
    await app?.stop();
    logger?.log.info('backend stopped cleanly');
    await logger?.close();
    end.post({ type: 'stopped' });
    hooks.onStopped?.();
  };

  end.onMessage((msg) => {
    switch (msg.type) {
      case 'start':
        starting ??= start(msg.options).catch((err: unknown) => end.post({ type: 'fatal', message: (err as Error).message }));
        return;
      case 'call':
      case 'session':
        answer(msg);
        return;
      case 'ping':
        end.post({ type: 'pong', id: msg.id });
        return;
      case 'focus':
        focused = msg.focused;
        return;
      case 'share':
        void reshare(msg.id, msg.options);
        return;
      case 'diagnostics':
        end.post({ type: 'diagnostics', id: msg.id, facts: facts() });
        return;
      case 'stop':
        void stop();
        return;
    }
  });
  return {
    logError: (message) => {
      logger?.log.error(message);
      end.post({ type: 'log', level: 'error', message });
    },
  };
}
