import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeSmsapi } from './fakeSmsapi';

/**
 * 20 rounds: start `clinic-desk serve` on one data folder, send a burst of 36 SMS, SIGKILL the host at a
 * random moment while the provider is still answering (300 ms per message), start again. At the end
 * every message the API acknowledged must have been accepted by the provider exactly once.
 * Needs `npm run build` (the script does it).
 */
const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'out/main/cli.js');
const ROUNDS = Number(process.env.RELIABILITY_ROUNDS ?? 20);
const BURST = 36;
const ACK_MS = 300;

interface Host {
  url: string;
  child: ChildProcess;
}

async function startHost(dataDir: string): Promise<Host> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data', dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${log}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      log += d.toString();
      const m = /serving (http:\/\/\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    child.on('exit', (code) => reject(new Error(`host exited with ${code}:\n${log}`)));
  });
  return { url, child };
}

async function api<T>(h: Host, method: string, params: unknown): Promise<T> {
  const res = await fetch(`${h.url}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(params) });
  const json = (await res.json()) as { result?: T; error?: { message: string } };
  if (!res.ok) throw new Error(`${method}: ${json.error?.message ?? res.status}`);
  return json.result as T;
}

const kill = (h: Host): Promise<void> =>
  new Promise((r) => {
    if (h.child.exitCode !== null || h.child.signalCode !== null) return r();
    h.child.once('exit', () => r());
    h.child.kill('SIGKILL');
  });

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('exactly once across SIGKILL', () => {
  it(`${ROUNDS} rounds of a ${BURST}-message burst, host killed mid-send: 0 lost, 0 sent twice (SMSAPI idx)`, async () => {
    if (!fs.existsSync(CLI)) throw new Error('out/main/cli.js is missing: run `npm run build` first');
    const provider = await startFakeSmsapi(ACK_MS);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-desk-reliability-'));
    dirs.push(dataDir);
    const acknowledged: string[] = [];
    let conversationId = 0;
    try {
      for (let round = 1; round <= ROUNDS; round++) {
        const h = await startHost(dataDir);
        if (round === 1) {
          await api(h, 'sms.saveProvider', { provider: 'smsapi', token: 'reliability-token', senderName: '', baseUrl: provider.url, publicUrl: '' });
          conversationId = (await api<{ conversationId: number }>(h, 'patient.create', { phone: '+393331234567', firstName: 'Giulia', preferredChannel: 'sms' })).conversationId;
        }
        for (let i = 0; i < BURST; i++) {
          const body = `Round ${round} message ${i}`;
          await api(h, 'message.send', { conversationId, body, channel: 'sms' });
          acknowledged.push(body);
        }
        // Die while the provider is mid-answer: any moment within the next few acknowledgements.
        await new Promise((r) => setTimeout(r, 200 + Math.floor(Math.random() * 5 * ACK_MS)));
        await kill(h);
      }
      // The last start drains what is left.
      const h = await startHost(dataDir);
      const deadline = Date.now() + 10 * 60_000;
      for (;;) {
        const conv = await api<{ timeline: { body?: string; status?: string }[] }>(h, 'conversation.get', { conversationId });
        const waiting = conv.timeline.filter((m) => m.body?.startsWith('Round ') && m.status === 'queued').length;
        if (waiting === 0 || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 1000));
      }
      h.child.kill('SIGTERM');
      await new Promise((r) => h.child.once('exit', r));
    } finally {
      await provider.close();
    }

    const accepted = new Map<string, number>();
    for (const a of provider.attempts) if (a.accepted) accepted.set(a.body, (accepted.get(a.body) ?? 0) + 1);
    const lost = acknowledged.filter((b) => !accepted.has(b));
    const twice = [...accepted.entries()].filter(([, n]) => n > 1);
    const repeatsRefused = provider.attempts.filter((a) => !a.accepted).length;
    process.stdout.write(
      `[reliability] ${ROUNDS} SIGKILL rounds, ${acknowledged.length} messages acknowledged by the API, ${provider.attempts.length} provider attempts: ` +
        `${lost.length} lost, ${twice.length} accepted twice, ${repeatsRefused} resends after a crash refused by idx (each would have been a duplicate without it).\n`,
    );
    expect(lost).toEqual([]);
    expect(twice).toEqual([]);
    expect(acknowledged).toHaveLength(ROUNDS * BURST);
  });
});
