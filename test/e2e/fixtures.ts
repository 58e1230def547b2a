import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { callApi, startServe, stopProcess } from '../support/serveHost';

export interface DemoHost {
  url: string;
  dataDir: string;
  process: ChildProcess;
  /** POST /api/<method> against this host. */
  api<T = unknown>(method: string, params?: unknown): Promise<T>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `clinic-desk serve --demo` on a free port with its own data folder and the random patient
 * simulation off (the demo's channels still deliver and report read); `demo: false` serves a real
 * clinic's folder instead. Requires `npm run build`.
 */
export async function startDemoHost(opts: { dataDir?: string; demo?: boolean; extraArgs?: string[]; env?: Record<string, string> } = {}): Promise<DemoHost> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-desk-e2e-'));
  const mode = opts.demo === false ? [] : ['--demo', '--no-simulation'];
  const { url, child } = await startServe([...mode, '--port', '0', '--data', dataDir, ...(opts.extraArgs ?? [])], opts.env ? { env: opts.env } : {});
  return {
    url,
    dataDir,
    process: child,
    api: <T>(method: string, params: unknown = {}) => callApi<T>(url, method, params),
    stop: (signal: NodeJS.Signals = 'SIGTERM') => stopProcess(child, signal),
  };
}

/**
 * A fresh demo host per test file, shared by the tests in it: a spec that changes settings (SMS
 * transliteration, auto-replies…) never leaks them into the next file run by the same worker.
 */
let fileHost: { file: string; host: DemoHost } | null = null;
async function stopFileHost(): Promise<void> {
  if (!fileHost) return;
  await fileHost.host.stop();
  fs.rmSync(fileHost.host.dataDir, { recursive: true, force: true });
  fileHost = null;
}

export const test = base.extend<{ hostArgs: string[]; host: DemoHost; openInbox: (page?: Page) => Promise<Page> }, { hostTeardown: void }>({
  /** Extra `serve` flags for the file's host, e.g. test.use({ hostArgs: ['--demo-time', '10:30'] }). */
  hostArgs: [[], { option: true }],
  hostTeardown: [
    async ({}, use) => {
      await use();
      await stopFileHost();
    },
    { scope: 'worker', auto: true },
  ],
  host: async ({ hostArgs }, use, testInfo) => {
    if (fileHost?.file !== testInfo.file) {
      await stopFileHost();
      fileHost = { file: testInfo.file, host: await startDemoHost({ extraArgs: hostArgs }) };
    }
    await use(fileHost.host);
  },
  openInbox: async ({ page, host }, use) => {
    await use(async (p = page) => {
      await p.goto(`${host.url}/#/inbox`);
      await expect(p.getByTestId('conversation-list')).toBeVisible();
      return p;
    });
  },
});

export { expect };
