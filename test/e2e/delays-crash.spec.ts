import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startDemoHost } from './fixtures';

/**
 * The broadcaster's crash safety: a 40-patient delay broadcast, the host SIGKILLed while the outbox is
 * sending it, a restart; every notice leaves exactly once (the simulated provider's ledger is the proof).
 */
interface LedgerLine {
  key: string;
}
const ledger = (dataDir: string): LedgerLine[] => {
  const file = path.join(dataDir, 'simulated-sends.jsonl');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as LedgerLine) : [];
};
const delayKeys = (dataDir: string): string[] => ledger(dataDir).map((l) => l.key).filter((k) => k.startsWith('delay-notice:'));

/** The clinic's (Europe/Rome) date and time of an instant, as a CSV export writes them. */
function romeLocal(t: number): { date: string; time: string } {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(t)
      .map((x) => [x.type, x.value]),
  );
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

interface Board {
  practitioners: { id: number; name: string; visits: { id: number; patientId: number | null; noticesSent: number }[] }[];
}

test('a host SIGKILLed during a 40-patient delay broadcast sends each notice exactly once after restart', async () => {
  test.setTimeout(120_000);
  const env = { CLINIC_DESK_SIM_LATENCY_MS: '150' };
  // The demo clinic at 10:30 (its own clock), so a same-day schedule fits whenever CI runs.
  const extraArgs = ['--demo-time', '10:30'];
  const first = await startDemoHost({ env, extraArgs });
  const start = (await first.api<{ now: number }>('app.info')).now + 6 * 60_000;

  // Forty patients booked back to back with one practitioner (a vaccination morning), all with SMS consent.
  const { date, time } = romeLocal(start);
  const rows = Array.from({ length: 40 }, (_, i) => `${date},${time},10,Paziente Prova${i},+39 347 100 ${String(1000 + i)},Dr. Crash Test,Vaccino`);
  const summary = await first.api<{ created: number; errors: unknown[] }>('appointments.import', {
    format: 'csv',
    content: ['Data,Ora,Durata (min),Paziente,Cellulare,Medico,Prestazione', ...rows].join('\n'),
    createPractitioners: ['Dr. Crash Test'],
  });
  expect(summary.errors).toEqual([]);
  expect(summary.created).toBe(40);
  const board = await first.api<Board>('appointments.day');
  const crash = board.practitioners.find((p) => p.name === 'Dr. Crash Test')!;
  expect(crash.visits).toHaveLength(40);
  for (const v of crash.visits) await first.api('patient.setConsent', { patientId: v.patientId, kind: 'sms', granted: true, source: 'form' });

  const preview = await first.api<{ revision: number; notices: unknown[] }>('delays.announce', { practitionerId: crash.id, minutes: 30 });
  expect(preview.notices).toHaveLength(40);
  const sent = await first.api<{ queued: number }>('delays.send', { practitionerId: crash.id, revision: preview.revision });
  expect(sent.queued).toBe(40);
  await new Promise((r) => setTimeout(r, 900));
  await first.stop('SIGKILL');
  const beforeCrash = delayKeys(first.dataDir).length;
  expect(beforeCrash).toBeGreaterThan(0);
  expect(beforeCrash).toBeLessThan(40);

  const second = await startDemoHost({ dataDir: first.dataDir, env, extraArgs });
  try {
    await expect.poll(() => delayKeys(first.dataDir).length, { timeout: 45_000 }).toBe(40);
    // Confirming the same broadcast again after the restart adds nothing.
    expect((await second.api<{ queued: number }>('delays.send', { practitionerId: crash.id, revision: preview.revision })).queued).toBe(0);
    await new Promise((r) => setTimeout(r, 1_000));
    const keys = delayKeys(first.dataDir);
    expect(keys).toHaveLength(40);
    expect(new Set(keys).size).toBe(40);
    const after = await second.api<Board>('appointments.day');
    const total = after.practitioners.find((p) => p.id === crash.id)!.visits.reduce((n, v) => n + v.noticesSent, 0);
    expect(total).toBe(40);
  } finally {
    await second.stop();
    fs.rmSync(first.dataDir, { recursive: true, force: true });
  }
});
