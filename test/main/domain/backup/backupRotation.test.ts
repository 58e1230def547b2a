import { describe, expect, it } from 'vitest';
import { backupFileName, backupsToDelete, backupTakenAt } from '../../../../src-main/domain/backup/backupRotation';

const DAY = 86_400_000;
const T = Date.UTC(2026, 10, 23, 19, 30, 5);

describe('backup rotation', () => {
  it('names a backup by its UTC time and reads the time back', () => {
    expect(backupFileName(T)).toBe('clinic-desk-2026-11-23T193005Z.sqlite3');
    expect(backupTakenAt(backupFileName(T))).toBe(T);
    expect(backupTakenAt('notes.txt')).toBeNull();
    expect(backupTakenAt('clinic-desk-2026-11-23T193005Z.sqlite3.partial')).toBeNull();
  });

  it('keeps the newest 7 daily backups and one per week for 4 weeks before them', () => {
    const names = Array.from({ length: 60 }, (_, i) => backupFileName(T - i * DAY));
    const deleted = new Set(backupsToDelete(names));
    const kept = names.filter((n) => !deleted.has(n));
    expect(kept.slice(0, 7)).toEqual(names.slice(0, 7));
    expect(kept).toHaveLength(11);
    // The weekly ones are in four different ISO weeks, all older than the dailies.
    const weekly = kept.slice(7).map((n) => backupTakenAt(n)!);
    expect(weekly.every((t) => t < backupTakenAt(names[6]!)!)).toBe(true);
    expect(new Set(weekly.map((t) => Math.floor((t - Date.UTC(2026, 0, 5)) / (7 * DAY)))).size).toBe(4);
  });

  it('never deletes files that are not backups, and keeps everything when there are few', () => {
    expect(backupsToDelete(['README.txt', backupFileName(T)])).toEqual([]);
    expect(backupsToDelete([backupFileName(T), backupFileName(T - DAY)], { keepDaily: 1, keepWeekly: 0 })).toEqual([backupFileName(T - DAY)]);
  });
});
