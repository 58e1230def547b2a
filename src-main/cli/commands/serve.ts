import path from 'node:path';
import { spawn } from 'node:child_process';
import { TZDate } from '@date-fns/tz';
import { createApp } from '../../app/createApp';
import { prepareDemoFolder } from '../../app/demoMode';
import { DEMO_CLINIC } from '../../domain/demo/demoPeople';
import { OffsetClock, systemClock, type Clock } from '../../domain/shared/clock';
import { DeskError } from '../../domain/shared/errors';
import { resolveDataDir } from '../../host/dataDir';
import { startHost } from '../../host/hostServer';
import type { Command } from '../command';

/** The built renderer sits beside the built main bundle: out/main/cli.js -> out/renderer. */
export const rendererDir = (): string => process.env.CLINIC_DESK_RENDERER ?? path.join(__dirname, '..', 'renderer');

function openBrowser(url: string): void {
  const cmd = process.platform === 'win32' ? 'cmd' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  spawn(cmd, args, { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
}

/**
 * --demo-time 10:30 runs the demo clinic on a clock shifted so that it is 10:30 in the clinic now: an
 * evening sales demo (or test run) still shows a working day with visits ahead. Real clinics use real time.
 */
export function demoClock(value: string | undefined, demo: boolean): Clock {
  if (value === undefined) return systemClock;
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!demo) throw new DeskError('invalid_input', '--demo-time: only the demo clinic can run on a shifted clock (add --demo)', { field: 'demo-time' });
  if (!m) throw new DeskError('invalid_input', `--demo-time: "${value}" is not a time like 10:30`, { field: 'demo-time' });
  const real = new TZDate(Date.now(), DEMO_CLINIC.timeZone);
  const wanted = new TZDate(real.getFullYear(), real.getMonth(), real.getDate(), Number(m[1]), Number(m[2]), real.getSeconds(), DEMO_CLINIC.timeZone);
  return new OffsetClock(wanted.getTime() - real.getTime());
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the desk to browsers on this PC (or the LAN) with the API at /api/<method> and /ws.',
  usage: 'serve [--demo [--demo-time HH:MM]] [--port 4780] [--host 127.0.0.1] [--data DIR] [--allow-host NAME ...] [--open] [--no-simulation] [--reset-demo]',
  options: {
    demo: { type: 'boolean' },
    port: { type: 'string', default: '4780' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string' },
    'allow-host': { type: 'string', multiple: true },
    open: { type: 'boolean' },
    'no-simulation': { type: 'boolean' },
    'reset-demo': { type: 'boolean' },
    'demo-time': { type: 'string' },
  },
  async run({ values }, io) {
    const demo = Boolean(values.demo);
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new DeskError('invalid_input', `--port: "${String(values.port)}" is not a port number`, { field: 'port' });
    const dataDir = resolveDataDir({ flag: values.data as string | undefined, demo });
    const clock = demoClock(values['demo-time'] as string | undefined, demo);
    if (demo) prepareDemoFolder(dataDir, new TZDate(clock.now(), DEMO_CLINIC.timeZone).toISOString().slice(0, 10), { reset: Boolean(values['reset-demo']) });
    const app = await createApp({ dataDir, clock, program: `clinic-desk serve${demo ? ' --demo' : ''}`, demo: demo ? { simulate: !values['no-simulation'], latencyMs: Number(process.env.CLINIC_DESK_SIM_LATENCY_MS ?? 0) } : false });
    let host;
    try {
      host = await startHost({
        app,
        host: String(values.host),
        port,
        rendererDir: rendererDir(),
        allowHosts: [...((values['allow-host'] as string[] | undefined) ?? []), ...(process.env.CLINIC_DESK_ALLOWED_HOSTS ?? '').split(',')].filter(Boolean),
      });
    } catch (err) {
      await app.stop();
      if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new DeskError('conflict', `port ${port} is already in use; is Clinic Desk already running? Try --port ${port + 1}.`);
      throw err;
    }
    io.out(`Clinic Desk${demo ? ' (demo clinic)' : ''} is serving ${host.url}`);
    io.out(`Data: ${dataDir}`);
    if (values.open) openBrowser(host.url);
    await new Promise<void>((resolve) => {
      const stop = (signal: string): void => {
        io.out(`${signal} received, shutting down…`);
        void host.close().then(() => app.stop()).then(resolve);
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
    return 0;
  },
};
