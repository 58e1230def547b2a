import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * `clinic-desk serve` started from the built CLI, as the e2e fixtures (Playwright) and the reliability
 * suite (vitest) both need it: no test framework imported here, so either runner can use it.
 */
export const ROOT = path.resolve(__dirname, '../..');
export const CLI = path.join(ROOT, process.env.CLINIC_DESK_OUT ?? 'out', 'main/cli.js');

export interface ServeProcess {
  url: string;
  child: ChildProcess;
}

/** Starts `serve` with `args` (add `--port 0 --data DIR`), resolving once it prints the address it serves. */
export async function startServe(args: string[], opts: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<ServeProcess> {
  if (!fs.existsSync(CLI)) throw new Error(`${path.relative(ROOT, CLI)} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [CLI, 'serve', ...args], { cwd: ROOT, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const timeoutMs = opts.timeoutMs ?? 20_000;
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in ${timeoutMs / 1000} s:\n${log}`)), timeoutMs);
    child.stdout!.on('data', (d: Buffer) => {
      log += d.toString();
      const m = /serving (https?:\/\/\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${log}`));
    });
  });
  return { url, child };
}

/** Stops the process with `signal` (SIGKILL for a crash) and waits for it to be gone. */
export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** POST /api/<method> with a JSON body; the result, or an Error naming the method and the host's message. */
export async function callApi<T>(url: string, method: string, params: unknown = {}): Promise<T> {
  const res = await fetch(`${url}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(params) });
  const json = (await res.json()) as { result?: T; error?: { message: string } };
  if (!res.ok || json.error) throw new Error(`${method}: ${json.error?.message ?? res.status}`);
  return json.result as T;
}
