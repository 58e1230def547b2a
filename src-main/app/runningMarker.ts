import fs from 'node:fs';
import path from 'node:path';

/**
 * A small file telling other processes (the CLI's restore, a second host) that a desk has this data
 * folder open. A marker left by a killed process is recognised by its dead pid.
 */
const markerFile = (dataDir: string): string => path.join(dataDir, 'clinic-desk.running');

export function markRunning(dataDir: string, startedAt: number): () => void {
  const file = markerFile(dataDir);
  fs.writeFileSync(file, JSON.stringify({ pid: process.pid, startedAt }));
  return () => {
    try {
      const { pid } = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number };
      if (pid === process.pid) fs.rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
}

/** The pid of a live desk on this data folder, or null. */
export function runningDesk(dataDir: string): number | null {
  try {
    const { pid } = JSON.parse(fs.readFileSync(markerFile(dataDir), 'utf8')) as { pid: number };
    if (pid === process.pid) return null;
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}
