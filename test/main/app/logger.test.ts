import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, lastLogLines, logsDir, scrub } from '../../../src-main/app/logger';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const tmp = (): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-desk-log-'));
  dirs.push(d);
  return d;
};

describe('desk log', () => {
  it('masks numbers, e-mails and WhatsApp ids in free text, leaving times and counts alone', () => {
    expect(scrub('send to +39 333 123 4567 failed')).toBe('send to [number] failed');
    expect(scrub('jid 48601234567@s.whatsapp.net offline')).toBe('jid [number] offline');
    expect(scrub('mail anna.rossi@example.it')).toBe('mail [email]');
    expect(scrub('outbox: 12 sent in 2026-11-29 10:05, retry 3')).toBe('outbox: 12 sent in 2026-11-29 10:05, retry 3');
  });

  it('writes JSON lines into <data>/logs with patient fields redacted', async () => {
    const dataDir = tmp();
    const { log, close } = createLogger(dataDir, 'backend');
    log.info({ method: 'message.send', params: { conversationId: 3, body: 'Buongiorno Anna' } }, 'call');
    log.warn({ patient: { firstName: 'Anna', phone: '+393331234567' }, channel: 'sms' }, 'delivery failed for +39 333 1234567');
    log.error({ err: new Error('cannot reach +48 601 234 567') }, 'sms provider');
    await close();
    const text = fs.readFileSync(path.join(logsDir(dataDir), 'desk.log'), 'utf8');
    expect(text).not.toMatch(/Anna|3331234567|333 1234567|601 234 567|Buongiorno/);
    const lines = lastLogLines(dataDir).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ proc: 'backend', method: 'message.send', params: '[redacted]', msg: 'call' });
    expect(lines[1]).toMatchObject({ patient: { firstName: '[redacted]', phone: '[redacted]' }, channel: 'sms', msg: 'delivery failed for [number]' });
    expect(lines[2]).toMatchObject({ err: { message: 'cannot reach [number]' } });
  });

  it('rotates by size and keeps a bounded number of files', async () => {
    const dataDir = tmp();
    const { log, close } = createLogger(dataDir, 'main', { size: '1K', maxFiles: 2 });
    for (let i = 0; i < 200; i++) {
      log.info({ i }, 'a line long enough to fill a kilobyte quickly, again and again');
      if (i % 20 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    await close();
    const files = fs.readdirSync(logsDir(dataDir));
    expect(files).toContain('desk.log');
    expect(files.length).toBeGreaterThan(1);
    // The current file, at most two rotated ones, and rotating-file-stream's history of them.
    expect(files.filter((f) => f.endsWith('desk.log')).length).toBeLessThanOrEqual(3);
  });
});
