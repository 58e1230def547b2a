import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../../contract';

/** Server-pushed events, typed by the contract. The host fans them out to sockets, Electron to windows. */
export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(1000);
  }

  /** How many events were emitted so far: lets a writer tell whether its listeners did anything visible. */
  emitted = 0;

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    this.emitted++;
    this.emitter.emit(name, payload);
    this.emitter.emit('*', name, payload);
  }

  on<E extends EventName>(name: E, fn: (payload: EventPayload<E>) => void): () => void {
    this.emitter.on(name, fn as (p: unknown) => void);
    return () => this.emitter.off(name, fn as (p: unknown) => void);
  }

  onAny(fn: (name: EventName, payload: unknown) => void): () => void {
    this.emitter.on('*', fn);
    return () => this.emitter.off('*', fn);
  }
}
