import type { z } from 'zod';
import { appointmentsApi, appointmentsEvents } from './appointments';
import { callsApi, callsEvents } from './calls';
import { automationsApi, campaignsApi, campaignsEvents } from './campaigns';
import { coreApi, coreEvents } from './core';
import { draftsApi, draftsEvents } from './drafts';
import { gdprApi } from './gdpr';
import { inboxApi, inboxEvents } from './inbox';
import { mediaApi } from './media';
import { patientsApi, patientsEvents } from './patients';
import { setupApi } from './setup';
import { smsApi, smsEvents } from './sms';
import { statsApi } from './stats';
import { templatesApi, templatesEvents } from './templates';
import { usersApi } from './users';
import { whatsappApi, whatsappEvents } from './whatsapp';
import { visitLoopApi } from './visitLoop';
import { agendaApi } from './agenda';
import { updatesEvents } from './updates';

/**
 * The one API contract, shared by main, preload and renderer. Each area contributes a map of
 * methods and events from its own file; register a new area with one line in each object below.
 */
export const api = {
  ...coreApi,
  ...callsApi,
  ...appointmentsApi,
  ...inboxApi,
  ...patientsApi,
  ...mediaApi,
  ...templatesApi,
  ...smsApi,
  ...whatsappApi,
  ...usersApi,
  ...setupApi,
  ...draftsApi,
  ...visitLoopApi,
  ...agendaApi,
  ...statsApi,
  ...gdprApi,
  ...campaignsApi,
  ...automationsApi,
};

export const events = {
  ...coreEvents,
  ...callsEvents,
  ...appointmentsEvents,
  ...inboxEvents,
  ...patientsEvents,
  ...templatesEvents,
  ...smsEvents,
  ...whatsappEvents,
  ...draftsEvents,
  ...campaignsEvents,
  ...updatesEvents,
};

export type Api = typeof api;
export type MethodName = keyof Api;
export type Request<M extends MethodName> = z.input<Api[M]['request']>;
export type ParsedRequest<M extends MethodName> = z.output<Api[M]['request']>;
export type Response<M extends MethodName> = z.output<Api[M]['response']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** The interface the renderer programs against, whatever the transport. */
export interface DeskClient {
  call<M extends MethodName>(method: M, request: Request<M>): Promise<Response<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export const isMethodName = (name: string): name is MethodName => Object.hasOwn(api, name);

/** Methods a browser that has not logged in may call (the waiting-room TV): declared `public` in the contract. */
export const isPublicMethod = (name: string): boolean => isMethodName(name) && api[name].public === true;

/** Events pushed to such a browser: nothing that names a patient. */
export const publicEvents: ReadonlySet<string> = new Set<EventName>(['waitingRoom.updated', 'settings.updated']);
