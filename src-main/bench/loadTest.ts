import http from 'node:http';
import os from 'node:os';
import { createApp } from '../app/createApp';
import { OffsetClock } from '../domain/shared/clock';
import { startHost } from '../host/hostServer';
import { configureBenchGateway, smsReceivedCall } from './benchGateway';
import { ensureBenchDatabase, workingCopy } from './benchStore';
import type { BenchSizeName } from './generator/generateClinic';
import { watchLoopDelay, type LoopDelay } from './loopDelay';
import { summarize, type Timing } from './measure';

/**
 * The desk under a clinic's busy hour, over the host's HTTP API on loopback: three desks browsing (list
 * pages, filters, counts, conversations, older timeline pages), one desk typing searches letter by letter,
 * and SMS webhooks (signed Android-gateway calls, the real inbound path) at `webhooksPerSecond`. Every
 * call that is not a search must keep p95 < 20 ms: a search must never stall the others.
 * `soak` then sends that many more webhooks as fast as the host takes them and reports the RSS after.
 * Bounded in time and count; loopback only. The webhooks come from one address, as a provider's do
 * (signed calls are not rate limited).
 */
export interface LoadOptions {
  size: BenchSizeName;
  root: string;
  seconds: number;
  webhooksPerSecond: number;
  soak: number;
  log: (line: string) => void;
}

export interface LoadReport {
  size: BenchSizeName;
  seconds: number;
  calls: Record<string, Timing>;
  others: Timing;
  searches: Timing;
  webhooksSent: number;
  webhookErrors: number;
  apiErrors: number;
  /** This process's CPU time over the load window / the window: near the machine's share for us, calls queue. */
  cpuShare: number;
  /** How late the request thread's event loop ran its timers during the load (ms, net of the 1 ms sampling
   *  interval, so 0 is on time; loopDelay.ts). It says how long a call could wait for its turn, not why: this
   *  thread busy, or the OS running other processes; `cpuShare` beside it is the only hint at which. */
  eventLoopDelay: LoopDelay;
  loadAverage: number[];
  pass: boolean;
  soak: { webhooks: number; seconds: number; rssMbBefore: number; rssMbAfter: number; heapMbAfter: number; errors: number } | null;
}

const WORDS = ['appuntamento', 'spostare', 'wizyta', 'przelozyc', 'grazie', 'fattura', 'dolore', 'rossi', 'appointment'];

export async function runLoadTest(o: LoadOptions): Promise<LoadReport> {
  const build = ensureBenchDatabase(o.root, o.size, o.log);
  const copy = workingCopy(build);
  const clock = new OffsetClock(build.facts.now - Date.now());
  const app = await createApp({ dataDir: copy.dataDir, startOutbox: false, backups: false, clock });
  configureBenchGateway(app.ctx.db, app.ctx.secrets, clock.now());
  const host = await startHost({ app, host: '127.0.0.1', port: 0, rendererDir: copy.dataDir });
  const times = new Map<string, number[]>();
  const record = (name: string, ms: number): void => void (times.get(name) ?? times.set(name, []).get(name)!).push(ms);
  let webhookSeq = 0;
  let webhookErrors = 0;

  const post = (path: string, body: string, headers: Record<string, string> = {}, localAddress?: string): Promise<{ status: number; text: string }> =>
    new Promise((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: host.port, path, method: 'POST', agent: false, localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  let apiErrors = 0;
  const api = async (name: string, method: string, params: unknown): Promise<unknown> => {
    const t = performance.now();
    try {
      const res = await post(`/api/${method}`, JSON.stringify(params));
      record(name, performance.now() - t);
      if (res.status !== 200) throw new Error(`${method}: HTTP ${res.status} ${res.text.slice(0, 200)}`);
      return (JSON.parse(res.text) as { result: unknown }).result;
    } catch (err) {
      // Counted and reported, never hidden: a failed call fails the run.
      apiErrors++;
      if (apiErrors <= 3) o.log(`  ${(err as Error).message}`);
      return {};
    }
  };

  const webhook = async (name: string): Promise<void> => {
    const seq = webhookSeq++;
    const phone = build.facts.phones[seq % build.facts.phones.length]!;
    const { body, headers } = smsReceivedCall({ messageId: `load-${process.pid}-${seq}`, text: 'Buongiorno, posso spostare la visita di domani al pomeriggio?', phone, now: clock.now() });
    const t = performance.now();
    try {
      const res = await post('/hooks/sms/android', body, headers, '127.0.0.2');
      if (res.status !== 200) webhookErrors++;
    } catch {
      webhookErrors++;
    }
    record(name, performance.now() - t);
  };

  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
  const until = performance.now() + o.seconds * 1000;
  const rnd = (n: number): number => Math.floor(Math.random() * n);

  const desk = async (k: number): Promise<void> => {
    let cursor: string | null = null;
    while (performance.now() < until) {
      const step = rnd(6);
      if (step === 0) await api('inbox.counts', 'inbox.counts', {});
      else if (step === 1) cursor = ((await api('inbox.list', 'inbox.list', { status: k === 0 ? 'active' : 'all', limit: 50, cursor })) as { nextCursor: string | null }).nextCursor;
      else if (step === 2) await api('inbox.list (filter)', 'inbox.list', { status: 'all', channel: (['sms', 'whatsapp', 'call'] as const)[rnd(3)], limit: 50 });
      else {
        const id = step === 3 ? build.facts.heavyConversationIds[0]! : 1 + rnd(build.facts.patients);
        const conv = (await api('conversation.get', 'conversation.get', { conversationId: id })) as { olderCursor: string | null };
        if (conv.olderCursor) await api('conversation.timeline', 'conversation.timeline', { conversationId: id, before: conv.olderCursor });
      }
      await sleep(100 + rnd(200));
    }
  };

  const searcher = async (): Promise<void> => {
    for (let w = 0; performance.now() < until; w++) {
      const word = WORDS[w % WORDS.length]!;
      for (let n = 2; n <= word.length && performance.now() < until; n++) {
        await api('inbox.search', 'inbox.search', { query: word.slice(0, n), limit: 40 });
        await sleep(120);
      }
    }
  };

  const webhooks = async (): Promise<void> => {
    const inFlight: Promise<void>[] = [];
    const interval = 1000 / o.webhooksPerSecond;
    for (let next = performance.now(); performance.now() < until; next += interval) {
      inFlight.push(webhook('webhook (sms:received)'));
      const wait = next + interval - performance.now();
      if (wait > 0) await sleep(wait);
    }
    await Promise.all(inFlight);
  };

  o.log(`Load: 3 desks browsing, 1 searching, ${o.webhooksPerSecond} webhooks/s for ${o.seconds} s on ${build.key} …`);
  const webhookErrorsBefore = webhookErrors;
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const loopDelay = watchLoopDelay();
  await Promise.all([desk(0), desk(1), desk(2), searcher(), webhooks()]);
  const eventLoopDelay = loopDelay.stop();
  const cpu = process.cpuUsage(cpu0);
  const cpuShare = Math.round(((cpu.user + cpu.system) / 1000 / (performance.now() - wall0)) * 100) / 100;
  const loadAverage = os.loadavg().map((x) => Math.round(x * 10) / 10);
  const sentDuringLoad = webhookSeq;

  let soak: LoadReport['soak'] = null;
  if (o.soak > 0) {
    o.log(`Soak: ${o.soak} webhooks …`);
    const rssMbBefore = Math.round(process.memoryUsage().rss / 1e6);
    const errorsBefore = webhookErrors;
    const t = performance.now();
    for (let sent = 0; sent < o.soak; sent += 8) await Promise.all(Array.from({ length: Math.min(8, o.soak - sent) }, () => webhook('soak webhook')));
    (globalThis as { gc?: () => void }).gc?.();
    const mem = process.memoryUsage();
    soak = { webhooks: o.soak, seconds: Math.round((performance.now() - t) / 100) / 10, rssMbBefore, rssMbAfter: Math.round(mem.rss / 1e6), heapMbAfter: Math.round(mem.heapUsed / 1e6), errors: webhookErrors - errorsBefore };
  }
  await host.close();
  await app.stop();
  copy.dispose();

  const calls = Object.fromEntries([...times].filter(([k]) => k !== 'soak webhook').map(([k, v]) => [k, summarize(v)]));
  const others = summarize([...times].filter(([k]) => k !== 'inbox.search' && k !== 'soak webhook').flatMap(([, v]) => v));
  return {
    size: o.size,
    seconds: o.seconds,
    calls,
    others,
    searches: summarize(times.get('inbox.search') ?? []),
    webhooksSent: sentDuringLoad,
    webhookErrors: webhookErrors - webhookErrorsBefore - (soak?.errors ?? 0),
    apiErrors,
    cpuShare,
    eventLoopDelay,
    loadAverage,
    pass: others.p95 < 20 && apiErrors === 0 && (soak === null || soak.rssMbAfter < 250),
    soak,
  };
}

export function formatLoadReport(r: LoadReport): string[] {
  const out = [
    `Load test — ${r.size}, ${r.seconds} s: ${r.webhooksSent} webhooks (${r.webhookErrors} errors), ${r.apiErrors} API errors; this process used ${r.cpuShare} of a core, machine load average ${r.loadAverage.join(' / ')} on ${os.cpus().length} cores`,
  ];
  out.push(`${'call'.padEnd(28)} ${'n'.padStart(6)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}`);
  for (const [name, t] of Object.entries(r.calls)) out.push(`${name.padEnd(28)} ${String(t.runs).padStart(6)} ${t.p50.toFixed(2).padStart(8)} ${t.p95.toFixed(2).padStart(8)} ${t.max.toFixed(1).padStart(8)}`);
  out.push(
    `request thread's event loop late by (net of its ${r.eventLoopDelay.resolutionMs} ms sampling; 0 = on time): p50 ${r.eventLoopDelay.p50} ms, p99 ${r.eventLoopDelay.p99} ms, max ${r.eventLoopDelay.max} ms`,
  );
  out.push(`every call but search: p95 ${r.others.p95} ms (target < 20 ms) — ${r.others.p95 < 20 ? 'ok' : 'FAIL'}`);
  if (r.soak) out.push(`soak: ${r.soak.webhooks} webhooks in ${r.soak.seconds} s (${r.soak.errors} errors); RSS ${r.soak.rssMbBefore} → ${r.soak.rssMbAfter} MB (target < 250 MB), heap ${r.soak.heapMbAfter} MB`);
  return out;
}
