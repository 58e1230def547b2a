import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/database';
import { ReadCancelledError, ReadWorker } from '../../../src-main/db/readWorker';
import { tempDir } from '../../helpers/tempApp';

const closers: Array<() => unknown> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

function setup(): { reader: ReadWorker; file: string } {
  const file = path.join(tempDir(), 'clinic-desk.sqlite3');
  const db = openDatabase(file);
  db.prepare("INSERT INTO settings (key, value) VALUES ('x', '1')").run();
  db.close();
  const reader = new ReadWorker({ file, timeoutMs: 2_000 });
  closers.push(() => reader.close());
  return { reader, file };
}

// A query that keeps SQLite busy for a while (a recursive count), to have something to cancel.
const slow = { sql: 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000000) SELECT count(*) AS c FROM n', params: [] };

describe('ReadWorker (search off the request thread)', () => {
  it('runs the repositories’ SQL on its own read-only connection', async () => {
    const { reader } = setup();
    const [rows] = await reader.read('desk', [{ sql: 'SELECT value FROM settings WHERE key = ?', params: ['x'] }]);
    expect(rows).toEqual([{ value: '1' }]);
    await expect(reader.read('desk', [{ sql: "INSERT INTO settings (key, value) VALUES ('y', '2')", params: [] }])).rejects.toThrow(/readonly|read-only|does not return data/i);
  });

  it('keeps the request thread free while it works, and a newer read from the same desk cancels the older', async () => {
    const { reader } = setup();
    const first = reader.read('anna', [slow]);
    // The event loop still turns while the worker counts.
    const t = performance.now();
    await new Promise((r) => setTimeout(r, 5));
    expect(performance.now() - t).toBeLessThan(500);
    const second = reader.read('anna', [{ sql: 'SELECT 2 AS two', params: [] }]);
    await expect(first).rejects.toBeInstanceOf(ReadCancelledError);
    await expect(second).resolves.toEqual([[{ two: 2 }]]);
  });

  it('another desk’s read waits its turn but is not cancelled', async () => {
    const { reader } = setup();
    const a = reader.read('anna', [{ sql: 'SELECT 1 AS one', params: [] }]);
    const b = reader.read('marco', [{ sql: 'SELECT 2 AS two', params: [] }]);
    await expect(Promise.all([a, b])).resolves.toEqual([[[{ one: 1 }]], [[{ two: 2 }]]]);
  });

  it('cuts a read short after its time budget', async () => {
    const file = setup().file;
    const reader = new ReadWorker({ file, timeoutMs: 50 });
    closers.push(() => reader.close());
    await expect(reader.read('desk', [slow])).rejects.toThrow(/too long/);
    await expect(reader.read('desk', [{ sql: 'SELECT 3 AS three', params: [] }])).resolves.toEqual([[{ three: 3 }]]);
  });
});
