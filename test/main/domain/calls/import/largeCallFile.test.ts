import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCallFile } from '../../../../../src-main/domain/calls/import/parseCallFile';

const ROWS = 50_000;
const dir = mkdtempSync(join(tmpdir(), 'calls-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A month of a busy FreePBX: Master.csv rows in the real cdr-csv layout, every 97th row with a broken date. */
function writeMasterCsv(path: string): void {
  const base = Date.UTC(2024, 2, 1, 7, 0, 0);
  const lines: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    const t = new Date(base + i * 53_000);
    const stamp = t.toISOString().slice(0, 19).replace('T', ' ');
    const caller = String(600_000_000 + ((i * 7919) % 9_000_000));
    const answered = i % 3 !== 0;
    const duration = answered ? 60 + (i % 300) : 5 + (i % 30);
    const billsec = answered ? duration - 6 : 0;
    const start = i % 97 === 0 ? 'not a date' : stamp;
    lines.push(
      `"","${caller}","221234500","from-did-direct","""${caller}"" <${caller}>","PJSIP/trunk-00${i}","PJSIP/101-00${i}","Dial",` +
        `"PJSIP/101,20,tr","${start}","${answered ? stamp : ''}","${stamp}",${duration},${billsec},"${answered ? 'ANSWERED' : 'NO ANSWER'}","DOCUMENTATION","${1709276400 + i}.${i}",""`,
    );
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

describe('a 50,000-row Master.csv', () => {
  // No timing assertion here: speed is the benchmark's job; this checks that nothing is lost or mixed up at size.
  it('reads every good row once and reports every bad row with its line', () => {
    const path = join(dir, 'Master.csv');
    writeMasterCsv(path);
    const parsed = parseCallFile(readFileSync(path, 'utf8'), { timeZone: 'Europe/Warsaw' });

    const badRows = Math.ceil(ROWS / 97);
    expect(parsed.errors).toHaveLength(badRows);
    expect(parsed.errors[1]).toMatchObject({ line: 98, message: 'start: cannot read "not a date" as a date and time' });
    expect(parsed.calls).toHaveLength(ROWS - badRows);
    expect(new Set(parsed.calls.map((c) => c.call.sourceId)).size).toBe(ROWS - badRows);
    const results = new Set(parsed.calls.map((c) => c.call.result));
    expect(results).toEqual(new Set(['answered', 'abandoned', 'missed']));
  });
});
