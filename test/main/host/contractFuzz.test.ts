import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { api } from '../../../src-main/contract';
import { strictSchema } from '../../../src-main/contract/strictSchema';
import { receiveInbound } from '../../../src-main/domain/messaging/messagingService';
import { startHost, type RunningHost } from '../../../src-main/host/hostServer';
import { seededRandom } from '../../../src-main/domain/shared/random';
import { tempApp, tempDir, T0 } from '../../helpers/tempApp';

/**
 * Every contract method, over HTTP and WebSocket, with generated bad input: each must be refused with a
 * client error (never 500, never a dead host) and write nothing (row counts of every table unchanged).
 * Only inputs the method's own schema rejects count as bad, so a valid call never sneaks in.
 */
const methods = Object.keys(api) as (keyof typeof api)[];
const rnd = seededRandom(12);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const WEIRD: unknown[] = [null, true, -1, 0, 1.5, 2 ** 53, -(2 ** 31), '', ' ', 'x'.repeat(5000), '\u0000', '☃', '%', [], [1, 2], {}, { __proto__: { admin: true } }, { constructor: { prototype: 1 } }, NaN, '1e999', '2026-13-45'];

function badInputs(name: keyof typeof api): unknown[] {
  const out: unknown[] = [null, [], 42, 'text', true, { unknownField: 1 }, { __proto__: null, id: -1 }];
  const shape = (api[name].request as unknown as { shape?: Record<string, unknown> }).shape;
  const keys = shape ? Object.keys(shape) : ['id', 'conversationId', 'body'];
  for (let i = 0; i < 12; i++) {
    const o: Record<string, unknown> = {};
    for (const k of keys) if (rnd() < 0.8) o[k] = pick(WEIRD);
    if (rnd() < 0.3) o[`extra${i}`] = pick(WEIRD);
    out.push(o);
  }
  // Judged as the host receives them: after a JSON round trip (a prototype or NaN does not travel).
  // `null` params mean "none" (as an empty body does), so they are judged as {}.
  // Unknown fields: an input the lax schema would take with the extra key silently dropped.
  const emptyOk = api[name].request.safeParse({}).success;
  if (emptyOk) for (const extra of ['unexpected', 'snoozeUntil', 'isAdmin', '__proto__x']) out.push({ [extra]: pick(WEIRD) ?? 1 });
  // Judged by the schema the host applies (every object strict), after a JSON round trip.
  const strict = strictSchema(api[name].request);
  return out.map((x) => JSON.parse(JSON.stringify(x)) as unknown).filter((x) => !strict.safeParse(x ?? {}).success);
}

/** How many of the generated inputs the lax schema would have taken (extra keys dropped): now refused. */
const unknownFieldInputs = methods.reduce((n, name) => n + badInputs(name).filter((x) => api[name].request.safeParse(x ?? {}).success).length, 0);

let host: RunningHost;
let stop: () => Promise<void>;
let counts: () => Record<string, number>;

beforeAll(async () => {
  const app = await tempApp();
  receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'fz-1', fromPhone: '+393331234567', body: 'Ciao', at: T0 });
  const rendererDir = tempDir('renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Clinic Desk</title>');
  host = await startHost({ app, host: '127.0.0.1', port: 0, rendererDir });
  const tables = (app.ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'").all() as { name: string }[]).map((t) => t.name);
  counts = () => Object.fromEntries(tables.map((t) => [t, (app.ctx.db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));
  stop = async () => {
    await host.close();
    await app.cleanup();
  };
});
afterAll(async () => stop());

describe('fuzzing every contract method', () => {
  it('over HTTP: over 1,000 bad inputs, all refused with a 4xx, nothing written, the host alive', { timeout: 120_000 }, async () => {
    const before = counts();
    let sent = 0;
    const statuses = new Map<number, number>();
    for (const name of methods) {
      for (const input of badInputs(name)) {
        const res = await fetch(`${host.url}/api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) ?? 'null' });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status, `${name} ${JSON.stringify(input)?.slice(0, 120)}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${name} ${JSON.stringify(input)?.slice(0, 120)}`).toBeLessThan(500);
        sent++;
      }
    }
    process.stdout.write(`[fuzz] HTTP: ${sent} bad inputs over ${methods.length} methods (${unknownFieldInputs} of them valid but for an unknown field), statuses ${JSON.stringify(Object.fromEntries(statuses))}\n`);
    expect(sent).toBeGreaterThanOrEqual(1000);
    expect(unknownFieldInputs).toBeGreaterThan(50);
    expect(counts()).toEqual(before);
    expect((await fetch(`${host.url}/api/app.info`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(200);
  });

  it('over WebSocket: the same, each answered with an error on one socket that stays open', { timeout: 120_000 }, async () => {
    const before = counts();
    const ws = new WebSocket(`${host.url.replace('http', 'ws')}/ws`);
    await new Promise((r) => ws.once('open', r));
    const replies = new Map<number, { error?: { code: string } }>();
    ws.on('message', (d) => {
      const m = JSON.parse(String(d)) as { type: string; id: number; error?: { code: string } };
      if (m.type === 'result') replies.set(m.id, m);
    });
    let id = 0;
    for (const name of methods) for (const input of badInputs(name)) ws.send(JSON.stringify({ id: ++id, method: name, params: input }));
    await expect.poll(() => replies.size, { timeout: 15_000 }).toBe(id);
    expect(id).toBeGreaterThanOrEqual(1000);
    const codes = new Set([...replies.values()].map((r) => r.error?.code));
    expect(codes.has(undefined)).toBe(false);
    expect(codes.has('internal')).toBe(false);
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
    expect(counts()).toEqual(before);
  });
});
