import { describe, expect, it } from 'vitest';
import { doctorLines, type DoctorFacts } from '../../../../src-main/domain/backup/doctorChecks';

const healthy: DoctorFacts = {
  nodeVersion: 'v22.11.0',
  dataDir: '/data',
  dataDirWritable: true,
  freeBytes: 50e9,
  database: { integrity: 'ok', schemaVersion: 7, newestSchema: 7, journalMode: 'wal', fts5: true },
  outbox: { pending: 0, parked: 0, oldestPendingAgeMs: null },
  newestBackupAgeMs: 3_600_000,
  runningPid: null,
};
const verdict = (f: Partial<DoctorFacts>, check: string) => doctorLines({ ...healthy, ...f }).find((l) => l.check === check)!;

describe('doctor checks', () => {
  it('a healthy installation is all ok', () => {
    expect(doctorLines(healthy).filter((l) => l.verdict !== 'ok')).toEqual([]);
  });

  it.each([
    [{ nodeVersion: 'v20.18.0' }, 'runtime', 'fail'],
    [{ nodeVersion: 'v20.19.0' }, 'runtime', 'ok'],
    [{ dataDirWritable: false }, 'data folder', 'fail'],
    [{ freeBytes: 1e9 }, 'free disk', 'warn'],
    [{ freeBytes: 1e8 }, 'free disk', 'fail'],
    [{ database: { error: 'cannot open' } }, 'database', 'fail'],
    [{ database: { integrity: '*** in database main *** Page 3 is never used', schemaVersion: 7, newestSchema: 7, journalMode: 'wal', fts5: true } }, 'database integrity', 'fail'],
    [{ database: { integrity: 'ok', schemaVersion: 5, newestSchema: 7, journalMode: 'wal', fts5: true } }, 'schema', 'warn'],
    [{ outbox: { pending: 3, parked: 1, oldestPendingAgeMs: 60_000 } }, 'outbox', 'warn'],
    [{ outbox: { pending: 3, parked: 0, oldestPendingAgeMs: 2 * 3_600_000 } }, 'outbox', 'warn'],
    [{ outbox: { pending: 3, parked: 0, oldestPendingAgeMs: 60_000 } }, 'outbox', 'ok'],
    [{ newestBackupAgeMs: null }, 'backups', 'warn'],
    [{ newestBackupAgeMs: 3 * 86_400_000 }, 'backups', 'warn'],
  ] as [Partial<DoctorFacts>, string, string][])('%o → %s %s', (facts, check, expected) => {
    expect(verdict(facts, check).verdict).toBe(expected);
  });
});
