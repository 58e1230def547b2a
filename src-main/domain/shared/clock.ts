/** Time is injected everywhere so that tests run on fake clocks. Milliseconds since the epoch, UTC. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests can move by hand. */
export class ManualClock implements Clock {
  constructor(private t: number) {}
  now(): number {
    return this.t;
  }
  set(t: number): void {
    this.t = t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

/** Real time shifted by a fixed amount: the demo clinic can live in its morning whatever the hour outside. */
export class OffsetClock implements Clock {
  constructor(private readonly offsetMs: number) {}
  now(): number {
    return Date.now() + this.offsetMs;
  }
}
