import fs from 'node:fs';
import path from 'node:path';
import type { MethodName } from '../contract';
import { checkResponse, parseRequest } from '../contract/validate';
import { openDatabase, type Db } from '../db/database';
import type { Channel, ChannelSender } from '../domain/messaging/channelPort';
import type { MessagingDeps } from '../domain/messaging/messagingService';
import { OutboxWorker, type OutboxOutcome } from '../domain/outbox/outboxWorker';
import { getClinicSettings } from '../domain/settings/clinicSettings';
import type { Region } from '../domain/patients/phone';
import { systemClock, type Clock } from '../domain/shared/clock';
import { DeskError } from '../domain/shared/errors';
import { EventBus } from '../domain/shared/eventBus';
import { seededRandom, type Random } from '../domain/shared/random';
import { secretKeeper, type OsKeystore } from '../domain/shared/secretBox';
import { getMessage } from '../db/repositories/messages';
import { toTimelineMessage, publishConversation } from '../domain/messaging/timeline';
import type { AppContext, Area, CallContext, Handler, HttpRoute } from './area';
import { areas as defaultAreas } from './areas';
import { startDemo, type DemoOptions } from './demoMode';
import { startBackupSchedule } from './backupSchedule';
import { holdDataFolder } from './dataFolderLock';
import { checkAllowed } from './callPolicy';

export interface AppOptions {
  dataDir: string;
  /** Seeds the demo clinic (when empty) and plugs in the simulated channels before the areas start. */
  demo?: DemoOptions | false;
  clock?: Clock;
  random?: Random;
  nativeBinding?: string;
  areas?: Area[];
  /** Extra channel adapters (tests, demo simulation); areas may add their own in start(). */
  senders?: Partial<Record<Channel, ChannelSender>>;
  /** Tests drive the outbox by hand. */
  startOutbox?: boolean;
  /** Daily rotated backups into <data>/backups (default: on, except for the demo clinic and one-shot CLI commands). */
  backups?: boolean;
  /** Electron's safeStorage when it can encrypt (passed by src-main/electron); null/absent: the data folder's key file. */
  osKeystore?: OsKeystore | null;
  /** Who holds the data folder, named to a second writer (default "Clinic Desk"); see dataFolderLock.ts. */
  program?: string;
}

export interface App {
  ctx: AppContext;
  routes: HttpRoute[];
  /** Names of the methods with a handler (every method of the contract, checked by a test). */
  served: ReadonlySet<string>;
  /** Validates the request, runs the handler, checks the response against the contract. */
  call(method: string, raw: unknown, who?: CallContext): Promise<unknown>;
  stop(): Promise<void>;
}

export function databaseFile(dataDir: string): string {
  return path.join(dataDir, 'clinic-desk.sqlite3');
}

/** The composition root: opens the database, builds the context, registers every area. */
export async function createApp(opts: AppOptions): Promise<App> {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  // One writer per data folder: taken before the database opens (and migrates), released after it closes.
  const releaseFolder = holdDataFolder(opts.dataDir, opts.program ?? 'Clinic Desk', opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  let db: Db;
  try {
    db = openDatabase(databaseFile(opts.dataDir), opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  } catch (err) {
    releaseFolder();
    throw err;
  }
  const clock = opts.clock ?? systemClock;
  const random = opts.random ?? seededRandom(Date.now() & 0xffffffff);
  const events = new EventBus();
  const senders = new Map<Channel, ChannelSender>(Object.entries(opts.senders ?? {}) as [Channel, ChannelSender][]);

  const onOutcome = ({ row }: OutboxOutcome): void => {
    if (!row.message_id) return;
    const msg = getMessage(db, row.message_id);
    if (!msg) return;
    events.emit('message.updated', { conversationId: msg.conversation_id, message: toTimelineMessage(msg) });
    publishConversation({ db, events }, msg.conversation_id);
  };
  const outbox = new OutboxWorker({ db, clock, random, senders: () => senders, onOutcome });
  const messaging: MessagingDeps = {
    db,
    clock,
    events,
    region: () => getClinicSettings(db).defaultRegion as Region,
    kickOutbox: () => outbox.kick(),
  };
  const ctx: AppContext = { db, clock, random, events, dataDir: opts.dataDir, secrets: secretKeeper(opts.dataDir, opts.osKeystore ?? null), demo: Boolean(opts.demo), messaging, outbox, senders, onStop: [], oneShot: opts.startOutbox === false };

  const handlers = new Map<string, Handler<MethodName>>();
  const routes: HttpRoute[] = [];
  const areaList = opts.areas ?? defaultAreas;
  for (const area of areaList) {
    for (const [name, fn] of Object.entries(area.handlers?.(ctx) ?? {})) {
      if (handlers.has(name)) throw new Error(`Method ${name} is registered twice (area ${area.name})`);
      handlers.set(name, fn as Handler<MethodName>);
    }
    routes.push(...(area.routes?.(ctx) ?? []));
  }
  if (opts.demo) startDemo(ctx, opts.demo);
  for (const area of areaList) await area.start?.(ctx);
  if (opts.startOutbox !== false) outbox.start();
  if (opts.backups ?? (!opts.demo && opts.startOutbox !== false)) ctx.onStop.push(startBackupSchedule(ctx));

  return {
    ctx,
    routes,
    served: new Set(handlers.keys()),
    async call(method, raw, who = { user: 'desk' }) {
      const { method: name, request } = parseRequest(method, raw);
      checkAllowed(name, who);
      const handler = handlers.get(name);
      if (!handler) throw new DeskError('unknown_method', `Method "${name}" is declared but not served`);
      const result = await handler(request as never, who);
      return checkResponse(name, result);
    },
    async stop() {
      outbox.stop();
      for (const fn of ctx.onStop.reverse()) await fn();
      db.close();
      releaseFolder();
    },
  };
}
