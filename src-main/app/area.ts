import type { MethodName, ParsedRequest, Response } from '../contract';
import type { Role } from '../contract/define';
import type { Db } from '../db/database';
import type { Channel, ChannelSender } from '../domain/messaging/channelPort';
import type { MessagingDeps } from '../domain/messaging/messagingService';
import type { OutboxWorker } from '../domain/outbox/outboxWorker';
import type { Clock } from '../domain/shared/clock';
import type { EventBus } from '../domain/shared/eventBus';
import type { Random } from '../domain/shared/random';
import type { SecretBox } from '../domain/shared/secretBox';

/** Who is calling: the desk user's name in the UI, 'cli' or 'integration' for scripts. */
export interface CallContext {
  user: string;
  /** A browser that has not logged in (the waiting-room TV): only public methods reach a handler. */
  guest?: boolean;
  /** The signed-in person's role (issue 12 fills it from the session); absent for trusted local callers (CLI). */
  role?: Role;
  /** The signed-in person's users.id, when there is one. */
  userId?: number;
}

export type Handler<M extends MethodName> = (req: ParsedRequest<M>, call: CallContext) => Response<M> | Promise<Response<M>>;
export type Handlers = { [M in MethodName]?: Handler<M> };

/** A plain HTTP route an area adds to the host (webhooks, exports). Transport-neutral: no node:http types. */
export interface HttpRoute {
  method: 'GET' | 'POST';
  /** Exact path or a pattern whose named groups become params, e.g. /^\/hooks\/sms\/(?<provider>[a-z]+)$/ */
  path: string | RegExp;
  /** Largest body accepted, in bytes (default 256 KiB). */
  maxBody?: number;
  handle(req: HttpRequest): Promise<HttpResponse> | HttpResponse;
}

export interface HttpRequest {
  method: string;
  path: string;
  url: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: Buffer;
  remoteAddress: string;
}

export interface HttpResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer | object;
}

export interface AppContext {
  db: Db;
  clock: Clock;
  random: Random;
  events: EventBus;
  dataDir: string;
  /** Seals secrets at rest (OS key store in the desktop app, else `<dataDir>/secrets.key`); see domain/shared/secretBox.ts. */
  secrets: SecretBox;
  demo: boolean;
  messaging: MessagingDeps;
  outbox: OutboxWorker;
  /** The live channel adapters, by channel. Areas replace theirs when settings change. */
  senders: Map<Channel, ChannelSender>;
  /** Disposers run on shutdown, last registered first. */
  onStop: (() => void | Promise<void>)[];
  /**
   * A one-shot CLI command (`startOutbox: false`): areas must not open long-lived links from it. A second
   * WhatsApp session with the desk's keys would make WhatsApp drop the running desk's connection.
   */
  oneShot?: boolean;
}

/** One room of the app: its API handlers, background work and HTTP routes. Registered in areas.ts. */
export interface Area {
  name: string;
  handlers?(ctx: AppContext): Handlers;
  start?(ctx: AppContext): void | Promise<void>;
  routes?(ctx: AppContext): HttpRoute[];
}
