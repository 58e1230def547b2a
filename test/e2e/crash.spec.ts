import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startDemoHost } from './fixtures';

interface LedgerLine {
  key: string;
  providerId: string;
}

const ledger = (dataDir: string): LedgerLine[] => {
  const file = path.join(dataDir, 'simulated-sends.jsonl');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as LedgerLine) : [];
};

test('a host killed with SIGKILL while the outbox holds pending messages sends each exactly once after restart', async () => {
  test.setTimeout(90_000);
  // Each simulated send takes 150 ms, so most of the 30 messages are still pending when the process dies.
  const env = { CLINIC_DESK_SIM_LATENCY_MS: '150' };
  const first = await startDemoHost({ env });
  const list = await first.api<{ items: { id: number }[] }>('inbox.list', { limit: 30 });
  const bodies: string[] = [];
  for (const [i, c] of list.items.entries()) {
    const body = `Promemoria ${i}: il suo appuntamento è confermato.`;
    bodies.push(body);
    await first.api('message.send', { conversationId: c.id, body });
  }
  await new Promise((r) => setTimeout(r, 700));
  await first.stop('SIGKILL');
  const sentBeforeCrash = ledger(first.dataDir).length;
  expect(sentBeforeCrash).toBeGreaterThan(0);
  expect(sentBeforeCrash).toBeLessThan(bodies.length);

  const second = await startDemoHost({ dataDir: first.dataDir, env });
  try {
    await expect
      .poll(async () => {
        const counts = await Promise.all(list.items.map((c) => second.api<{ timeline: { body?: string; status?: string }[] }>('conversation.get', { conversationId: c.id })));
        return counts.flatMap((v) => v.timeline.filter((m) => m.body?.startsWith('Promemoria ')).map((m) => m.status)).filter((s) => s === 'queued').length;
      }, { timeout: 30_000 })
      .toBe(0);
    const lines = ledger(first.dataDir);
    const keys = lines.map((l) => l.key);
    expect(keys).toHaveLength(bodies.length);
    expect(new Set(keys).size).toBe(bodies.length);
  } finally {
    await second.stop();
    fs.rmSync(first.dataDir, { recursive: true, force: true });
  }
});
