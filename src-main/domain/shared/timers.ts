/** Timers behind an interface, so that tests move time by hand (the channels, the updater, background work). */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
