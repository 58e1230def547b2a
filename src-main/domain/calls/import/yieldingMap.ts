import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

/** How many items a bulk job handles before letting other requests run. */
export const CHUNK_SIZE = 500;

/**
 * Maps a long list in chunks, giving the event loop back between chunks, so pure per-row work on a big
 * import (number parsing for 50,000 calls takes seconds) never holds up other requests for long.
 */
export async function mapInChunks<T, R>(items: readonly T[], fn: (item: T) => R, chunkSize = CHUNK_SIZE): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  for (let start = 0; start < items.length; start += chunkSize) {
    const end = Math.min(items.length, start + chunkSize);
    for (let i = start; i < end; i++) out[i] = fn(items[i]!);
    if (end < items.length) await yieldToEventLoop();
  }
  return out;
}
