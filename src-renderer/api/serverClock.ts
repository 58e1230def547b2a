/**
 * The desk's time as the host sees it. A reception PC's clock may be minutes off (or the demo clinic may
 * run on its own clock): ages such as "waiting for 3 h" and "today" are measured against the host.
 */
let offsetMs = 0;

export function syncServerClock(serverNow: number): void {
  offsetMs = serverNow - Date.now();
}

export const serverNow = (): number => Date.now() + offsetMs;
