import fs from 'node:fs';
import path from 'node:path';

/**
 * better-sqlite3 is compiled twice: for Node (node_modules, used by the CLI and tests) and for
 * Electron's ABI (scripts/native-electron.cjs, into .native/electron, shipped as a resource).
 * Keeping them apart means neither build clobbers the other.
 */
export function electronSqliteBinding(appPath: string, resourcesPath: string, packaged: boolean): string | undefined {
  const candidates = packaged
    ? [path.join(resourcesPath, 'native', 'better_sqlite3.node')]
    : [path.join(appPath, '.native', 'electron', 'better_sqlite3.node')];
  return candidates.find((f) => fs.existsSync(f));
}
