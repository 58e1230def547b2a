import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { databaseFile } from '../app/createApp';
import { defaultDataDir as osDefault, resolveDataLocation, PRODUCT_NAME } from '../app/dataLocation';
import { loadMachineConfig } from '../app/machineConfig';

export { PRODUCT_NAME };

const here = (env: NodeJS.ProcessEnv, platform: NodeJS.Platform) => ({ platform, env, home: os.homedir() });

/** The OS default data folder of this PC (per machine on Windows, per user elsewhere). */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  return osDefault(here(env, platform));
}

/**
 * --data DIR wins, then CLINIC_DESK_DATA, then the machine-wide configuration file, then the OS
 * default (see app/dataLocation.ts). The demo clinic lives in its own `demo` folder beside the real one.
 */
export function resolveDataDir(opts: { flag?: string | undefined; demo?: boolean; base?: string }, env: NodeJS.ProcessEnv = process.env): string {
  if (opts.base && !opts.flag && !env.CLINIC_DESK_DATA) return opts.demo ? path.join(opts.base, 'demo') : opts.base;
  const machine = loadMachineConfig(process.platform, env);
  return resolveDataLocation({
    ...here(env, process.platform),
    flag: opts.flag,
    demo: Boolean(opts.demo),
    ...(machine.ok ? { config: machine.config } : {}),
    hasDatabase: (dir) => fs.existsSync(databaseFile(dir)),
  }).dataDir;
}
