import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { masterCsvOfRows } from '../../../../../src-main/bench/importStall';
import { parseCallFile, parseCallFileYielding } from '../../../../../src-main/domain/calls/import/parseCallFile';

const dir = join(__dirname, '../../../../fixtures/calls');
const warsaw = { timeZone: 'Europe/Warsaw' };

describe('reading a call file in slices that yield', () => {
  // Slices of 2 rows: legs of one call and repeated rows fall in different slices and must still meet.
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
    it(`gives exactly what the one-go reader gives for ${name}`, async () => {
      const text = readFileSync(join(dir, name), 'utf8');
      expect(await parseCallFileYielding(text, warsaw, 2)).toEqual(parseCallFile(text, warsaw));
    });
  }

  it('gives exactly what the one-go reader gives for 3,000 Master.csv rows with broken dates', async () => {
    const text = masterCsvOfRows(3_000);
    const sliced = await parseCallFileYielding(text, warsaw, 97);
    expect(sliced).toEqual(parseCallFile(text, warsaw));
    expect(sliced.errors).toHaveLength(Math.ceil(3_000 / 97));
  });
});
